package fr.relais.teamserver;

import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code relais-team-server [--config FILE] [--trial]}: starts the team server and runs until stopped (SIGTERM from
 * systemd). Without {@code --config}, reads {@code team-server.properties} from the working folder if there is one;
 * environment variables override the file (docs/admin-guide.md, "Configuration").
 */
public final class TeamServerMain {
    private TeamServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path config = Path.of("team-server.properties");
        boolean trial = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--trial" -> trial = true;
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        usage("--config needs a file");
                    }
                    config = Path.of(args[++i]);
                }
                case "--help", "-h" -> usage(null);
                default -> usage("unknown argument " + args[i]);
            }
        }
        TeamServerSettings settings;
        java.util.Optional<PscSettings> psc;
        try {
            settings = TeamServerSettings.load(config, System.getenv(), trial);
            psc = PscSettings.load(config, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("relais-team-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        TeamServer server = TeamServer.start(settings, psc, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "team-server-stop"));
        System.out.println("Relais team server ready: " + server.baseUrl());
        server.join();
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println("relais-team-server: " + error);
        }
        System.err.println("Usage: relais-team-server [--config team-server.properties] [--trial]");
        System.exit(error == null ? 0 : 2);
    }
}
