package dev.accessgate.app;

import io.micronaut.runtime.Micronaut;

/** {@code java -jar accessgate.jar} serves; {@code serve} says the same explicitly. */
public final class AccessGate {

    private AccessGate() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].equals("serve")) {
            System.err.println("unknown command: " + args[0] + "\nusage: java -jar accessgate.jar [serve]");
            System.exit(2);
        }
        ExtraConfig.install(System.getenv());
        Micronaut.build(args).mainClass(AccessGate.class).banner(false).start();
    }
}
