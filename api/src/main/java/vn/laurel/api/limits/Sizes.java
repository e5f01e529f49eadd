package vn.laurel.api.limits;

/** A number of bytes as a limit is stated: 64 KB, 256 MB. */
public final class Sizes {
    private Sizes() {}

    public static String of(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return bytes / (1024 * 1024) + " MB";
        if (bytes >= 1024 && bytes % 1024 == 0) return bytes / 1024 + " KB";
        return bytes + " bytes";
    }
}
