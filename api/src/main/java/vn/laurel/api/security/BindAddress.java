package vn.laurel.api.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether the address the server listens on can be reached from this machine only. The demo
 * accounts hang on this: their passwords are printed in the README.
 */
public final class BindAddress {
    /** The default of {@code micronaut.server.host} (application.yml, LAUREL_HOST, {@code ./laurel serve --host}). */
    public static final String DEFAULT = "127.0.0.1";

    private BindAddress() {}

    /**
     * True when every address {@code host} names is a loopback address. No host at all means
     * Micronaut binds every interface; a name that does not resolve is not known to be local.
     */
    public static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) return false;
        try {
            InetAddress[] all = InetAddress.getAllByName(host.trim());
            if (all.length == 0) return false;
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) return false;
            }
            return true;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
