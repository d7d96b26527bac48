package dev.wedge.edge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.edge.auth.PinHasher;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.auth.UserStore;
import dev.wedge.edge.config.ConfigException;
import dev.wedge.edge.config.ConfigReader;
import dev.wedge.edge.config.EdgeConfig;
import dev.wedge.edge.db.EdgeDatabase;
import dev.wedge.edge.floor.FloorException;
import dev.wedge.edge.floor.Jdbc;
import dev.wedge.edge.floor.Transactions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./wedge setup admin --config FILE --badge B}: creates the first admin account of an edge node, reading
 * the PIN from standard input (one line). There are no default accounts; once an admin exists, further accounts
 * are made by an admin through the API, so this command refuses. Run it while the node is stopped (the
 * embedded database admits one process).
 */
@Command(name = "setup", description = "One-time setup of an edge node.", subcommands = SetupCommand.Admin.class)
public final class SetupCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Creates the first admin. */
    @Command(name = "admin", description = "Create the node's first admin account; the PIN (4-12 digits) is read"
            + " from standard input.")
    static final class Admin implements Callable<Integer> {

        @Option(names = "--config", required = true, description = "edge configuration (properties)")
        Path config;

        @Option(names = "--badge", required = true, description = "the admin's badge id")
        String badge;

        @Option(names = "--name", defaultValue = "Administrator", description = "display name (default: ${DEFAULT-VALUE})")
        String name;

        @Override
        public Integer call() throws Exception {
            EdgeConfig cfg;
            try {
                cfg = ConfigReader.read(config);
            } catch (ConfigException e) {
                System.err.println("wedge setup admin: " + config + ": " + String.join("; ", e.problems()));
                return 2;
            }
            char[] pin = readPin();
            EdgeDatabase db = new EdgeDatabase(cfg.jdbcUrl());
            try {
                db.migrate();
                Transactions tx = new Transactions(db);
                if (tx.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM wedge_user WHERE role = 'ADMIN'")) > 0) {
                    System.err.println("wedge setup admin: this node already has an admin; an admin creates further"
                            + " accounts through POST /api/users");
                    return 2;
                }
                UserStore.User u = new UserStore(tx, new PinHasher(), Clock.systemUTC()).create(badge, name,
                        Role.ADMIN, pin);
                System.out.println(new ObjectMapper().createObjectNode().put("created", u.badge())
                        .put("name", u.name()).put("role", u.role().wire()).toString());
                return 0;
            } catch (FloorException e) {
                System.err.println("wedge setup admin: " + e.getMessage());
                return 2;
            } catch (SQLException | org.flywaydb.core.api.FlywayException e) {
                System.err.println("wedge setup admin: cannot open the edge database " + cfg.jdbcUrl()
                        + " (is the node running?): " + e.getMessage().lines().findFirst().orElse(""));
                return 2;
            } finally {
                Arrays.fill(pin, '\0');
                db.close();
            }
        }

        private static char[] readPin() throws java.io.IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            return line == null ? new char[0] : line.trim().toCharArray();
        }
    }
}
