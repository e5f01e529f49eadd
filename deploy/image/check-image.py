#!/usr/bin/env python3
"""Checks a container image tar (docker save format, as Jib's buildTar writes it) the way a runtime
reads it, without a Docker daemon:

  deploy/image/check-image.py api/target/laurel-image.tar [--run]

- manifest.json names one config and its layers; the config has an entrypoint, a user, a working
  directory, and one diff_id per layer, each equal to the sha256 of that layer uncompressed;
- the layers, unpacked in order, hold what the entrypoint names: java on the PATH of the config's
  environment, the classpath file and every entry in it, the main class;
- with --run (as root): the entrypoint started in that file system (its own mount and pid namespaces,
  /proc mounted, chroot, the config's user, working directory and environment, on a free port), and
  /health/live and /health/ready asked until they answer 200 (two minutes at most), then stopped.
Prints one line per check and exits non-zero at the first failure."""
import gzip, hashlib, json, os, shutil, socket, subprocess, sys, tarfile, tempfile, time, urllib.request


def fail(msg):
    print("FAIL " + msg)
    sys.exit(1)


def ok(msg):
    print("ok   " + msg)


def main():
    if len(sys.argv) < 2:
        fail("usage: check-image.py IMAGE.tar [--run]")
    image, run = sys.argv[1], "--run" in sys.argv[2:]
    work = tempfile.mkdtemp(prefix="laurel-image-")
    try:
        check(image, run, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check(image, run, work):
    with tarfile.open(image) as t:
        t.extractall(os.path.join(work, "tar"))
    top = os.path.join(work, "tar")
    manifest = json.load(open(os.path.join(top, "manifest.json")))
    if not (isinstance(manifest, list) and len(manifest) == 1):
        fail("manifest.json holds one image")
    m = manifest[0]
    ok("manifest: config %s, %d layers, tags %s" % (m["Config"], len(m["Layers"]), m.get("RepoTags")))
    config_bytes = open(os.path.join(top, m["Config"]), "rb").read()
    config = json.loads(config_bytes)
    c = config["config"]
    entrypoint = c.get("Entrypoint") or []
    if not entrypoint:
        fail("the config has no entrypoint")
    ok("config: %s/%s, user %s, workdir %s, ports %s" % (config.get("os"), config.get("architecture"), c.get("User"),
                                                     c.get("WorkingDir"), list((c.get("ExposedPorts") or {}).keys())))
    ok("entrypoint: %s" % " ".join(entrypoint))
    diff_ids = config["rootfs"]["diff_ids"]
    if len(diff_ids) != len(m["Layers"]):
        fail("%d diff_ids for %d layers" % (len(diff_ids), len(m["Layers"])))
    root = os.path.join(work, "rootfs")
    os.makedirs(root)
    total = 0
    for layer, diff_id in zip(m["Layers"], diff_ids):
        path = os.path.join(top, layer)
        raw = open(path, "rb").read()
        plain = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
        digest = "sha256:" + hashlib.sha256(plain).hexdigest()
        if digest != diff_id:
            fail("layer %s: sha256 %s, config says %s" % (layer, digest, diff_id))
        total += len(plain)
        subprocess.run(["tar", "--warning=no-unknown-keyword", "-xf", "-", "-C", root], input=plain, check=True)
    ok("layers: %d, every digest equals its diff_id, %.1f MB unpacked" % (len(diff_ids), total / 1e6))

    env = dict(e.split("=", 1) for e in c.get("Env") or [])
    java = next((os.path.join(d, entrypoint[0]) for d in env.get("PATH", "").split(":")
                 if os.path.exists(root + os.path.join(d, entrypoint[0]))), None)
    if entrypoint[0].startswith("/"):
        java = entrypoint[0] if os.path.exists(root + entrypoint[0]) else None
    if not java:
        fail("%s is not on the image's PATH %s" % (entrypoint[0], env.get("PATH")))
    ok("%s found at %s" % (entrypoint[0], java))
    cp_arg = entrypoint[entrypoint.index("-cp") + 1]
    entries = open(root + cp_arg[1:]).read().strip().split(":") if cp_arg.startswith("@") else cp_arg.split(":")
    missing = [e for e in entries if not os.path.exists(root + e.rstrip("*"))]
    if missing:
        fail("classpath entries missing: %s" % missing[:5])
    main_class = entrypoint[-1]
    class_file = "/app/classes/" + main_class.replace(".", "/") + ".class"
    if not os.path.exists(root + class_file):
        fail("main class %s not at %s" % (main_class, class_file))
    ok("classpath: %d entries present; main class %s" % (len(entries), main_class))
    for d in ("/app/rules/awards.yaml", "/app/examples/scenarios", "/app/examples/demo", "/app/bin/HealthCheck.java"):
        if not os.path.exists(root + d):
            fail("%s missing" % d)
    ok("rules, scenarios, demo and the health check are in /app")
    if run:
        start(root, c, env, entrypoint)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(root, c, env, entrypoint):
    if os.geteuid() != 0:
        fail("--run needs root (chroot, mount namespace)")
    port = free_port()
    env = dict(env, LAUREL_PORT=str(port), LAUREL_HOST="127.0.0.1")
    os.makedirs(root + "/proc", exist_ok=True)
    user, _, group = (c.get("User") or "0").partition(":")
    workdir = c.get("WorkingDir") or "/"
    # The child: its own mount and pid namespaces (so /proc is the container's), then chroot, cd, drop to the user, exec.
    child = ("import os,sys\n"
             "os.system('mount -t proc proc %s/proc')\n"
             "os.chroot(%r); os.chdir(%r)\n"
             "os.setgroups([]); os.setgid(%d); os.setuid(%d)\n"
             "os.execvpe(%r, %r, %r)\n") % (root, root, workdir, int(group or user), int(user), entrypoint[0], entrypoint, env)
    log = open(os.path.join(os.path.dirname(root), "run.log"), "wb")
    p = subprocess.Popen(["unshare", "--mount", "--pid", "--fork", "--kill-child", sys.executable, "-c", child], stdout=log, stderr=subprocess.STDOUT,
                         env={"PATH": env["PATH"]})
    t0 = time.time()
    try:
        for path in ("/health/live", "/health/ready"):
            while True:
                if p.poll() is not None:
                    fail("the entrypoint exited with %s:\n%s" % (p.returncode, open(log.name).read()[-3000:]))
                if time.time() - t0 > 120:
                    fail("%s did not answer 200 within 120 s:\n%s" % (path, open(log.name).read()[-3000:]))
                try:
                    with urllib.request.urlopen("http://127.0.0.1:%d%s" % (port, path), timeout=2) as r:
                        if r.status == 200:
                            ok("ran: %s answered 200 after %.1f s: %s" % (path, time.time() - t0, r.read().decode()[:200]))
                            break
                except Exception:
                    pass
                time.sleep(0.5)
        first = open(log.name).read().splitlines()
        json_lines = [l for l in first if l.startswith("{")]
        ok("ran: %d of %d log lines are JSON; first: %s" % (len(json_lines), len(first), (json_lines or first or [""])[0][:160]))
    finally:
        p.terminate()
        try:
            p.wait(20)
        except subprocess.TimeoutExpired:
            p.kill()


if __name__ == "__main__":
    main()
