package dev.wedge.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.edge.auth.PinHasher;
import dev.wedge.edge.auth.Role;
import dev.wedge.edge.auth.UserStore;
import dev.wedge.edge.db.EdgeDatabase;
import dev.wedge.edge.floor.Transactions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SetupCommandTest {

    @TempDir
    Path dir;

    private Path config;
    private final InputStream stdin = System.in;
    private final PrintStream stdout = System.out;
    private final PrintStream stderr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void configFile() throws Exception {
        config = dir.resolve("edge.properties");
        Files.writeString(config, "node.id=WH-SETUP\ndata.dir=" + dir.toString().replace("\\", "/")
                + "\ngs1.companyPrefix=0614141\n");
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setIn(stdin);
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private int run(String pin, String badge) {
        System.setIn(new ByteArrayInputStream((pin + "\n").getBytes(StandardCharsets.UTF_8)));
        return new CommandLine(new WedgeCommand()).execute("setup", "admin", "--config", config.toString(),
                "--badge", badge);
    }

    @Test
    void createsTheFirstAdminWithAHashedPinReadFromStandardInput() throws Exception {
        assertThat(run("246810", "ADM-1")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"created\":\"ADM-1\"", "\"role\":\"admin\"");
        EdgeDatabase db = new EdgeDatabase("jdbc:derby:" + dir.resolve("edge").toAbsolutePath());
        try {
            Transactions tx = new Transactions(db);
            UserStore users = new UserStore(tx, new PinHasher(), Clock.systemUTC());
            assertThat(users.authenticate("ADM-1", "246810".toCharArray())).get()
                    .extracting(UserStore.User::role).isEqualTo(Role.ADMIN);
            java.util.Optional<String> hash = tx.read(c -> dev.wedge.edge.floor.Jdbc.one(c,
                    "SELECT pin_hash FROM wedge_user", rs -> rs.getString(1)));
            assertThat(hash).get().asString().doesNotContain("246810");
        } finally {
            db.close();
        }
    }

    @Test
    void refusesASecondAdminAndAShortPinWithAOneLineReason() {
        assertThat(run("12", "ADM-1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PIN must be 4 to 12 digits");
        assertThat(run("246810", "ADM-1")).isZero();

        assertThat(run("135790", "ADM-2")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already has an admin");
    }
}
