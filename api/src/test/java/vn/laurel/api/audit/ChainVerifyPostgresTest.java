package vn.laurel.api.audit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.ThrowawayPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ChainVerifyContract} on PostgreSQL, where the walks are server-side cursors on connections of their
 * own in one exported snapshot; tampering as a superuser past the triggers. Also {@code ./laurel verify}.
 */
@MicronautTest(transactional = false)
class ChainVerifyPostgresTest extends ChainVerifyContract {
    static final String DATABASE = "laurel_chain_verify";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(new PostgresTest() {}.getProperties());
        p.putAll(ThrowawayPostgres.separateDatabase(DATABASE));
        return p;
    }

    @Override
    Connection superuser() throws SQLException {
        Connection c = DriverManager.getConnection(ThrowawayPostgres.separateDatabaseUrl(DATABASE), "postgres", "");
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica"); // no trigger fires, no foreign key is checked
        }
        return c;
    }

    int cli(java.io.ByteArrayOutputStream out, String... args) {
        java.io.PrintStream stream = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        return vn.laurel.engine.cli.Cli.commandLine(new vn.laurel.api.tools.VerifyCommand(), stream, stream).execute(args);
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Order(7)
    void the_command_line_verifies_the_whole_chain_or_from_a_checkpoint_of_a_trusted_key() throws SQLException {
        String url = ThrowawayPostgres.separateDatabaseUrl(DATABASE);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertThat(cli(out, "--db", url)).as(out.toString()).isZero();
        assertThat(out.toString()).contains("\"intact\" : true", "\"checked\" : " + length());

        com.fasterxml.jackson.databind.JsonNode cp = checkpoint();
        recordDecisions(2, 1, 0);
        out.reset();
        assertThat(cli(out, "--db", url, "--from-checkpoint", "latest", "--key-id", cp.get("keyId").asText())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("\"checked\" : 2");
        out.reset();
        assertThat(cli(out, "--db", url, "--from-checkpoint", String.valueOf(cp.get("id").asLong()), "--key-id", "ed25519:0000000000000000"))
                .as("a checkpoint of another key is not trusted: " + out).isEqualTo(2);
        out.reset();
        assertThat(cli(out, "--db", url, "--from-checkpoint", "latest")).as("no key named, none configured: " + out).isEqualTo(2);

        long last = scalar("SELECT decision_id FROM decision_chain ORDER BY sequence DESC FETCH FIRST 1 ROWS ONLY");
        sql("UPDATE decision_outcome SET outcome = 'NOT_ELIGIBLE' WHERE decision_id = " + last);
        out.reset();
        assertThat(cli(out, "--db", url)).isEqualTo(1);
        assertThat(out.toString()).contains("\"kind\" : \"ALTERED\"", "\"decisionId\" : " + last);
        sql("UPDATE decision_outcome SET outcome = 'ELIGIBLE' WHERE decision_id = " + last);
    }
}
