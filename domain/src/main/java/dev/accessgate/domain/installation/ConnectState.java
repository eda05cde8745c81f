package dev.accessgate.domain.installation;

/** Where a Connect installation is in its lifecycle, as its callbacks have told us. */
public enum ConnectState {
    /** {@code installed} received; not (yet) enabled or disabled. */
    INSTALLED,
    /** The app is enabled on the site. */
    ENABLED,
    /** The app is installed but disabled on the site. */
    DISABLED,
    /** {@code uninstalled} received. The record and its secret stay: a reinstall is signed with it. */
    UNINSTALLED
}
