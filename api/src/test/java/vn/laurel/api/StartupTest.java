package vn.laurel.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupTest {
    @Test
    void a_drl_syntax_error_stops_the_service_at_start_naming_file_and_line(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("awards"));
        Path repoRules = ThrowawayPostgres.repoRoot().resolve("rules");
        for (String f : new String[]{"regimes.yaml", "awards.yaml"}) Files.copy(repoRules.resolve(f), rules.resolve(f));
        Files.writeString(rules.resolve("awards/broken.drl"), """
                package laurel.awards;
                import vn.laurel.engine.evaluation.Evaluation;

                rule "broken"
                    @regimes("LAW_2022")
                when
                    $e : Evaluation( year > )
                then
                end
                """);
        assertThatThrownBy(() -> {
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                    "laurel.rules.dir", rules.toString(), "laurel.demo.enabled", "false", "micronaut.server.port", "-1",
                    "datasources.default.url", "jdbc:h2:mem:laurel-startup-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"))) {
                server.getPort();
            }
        }).satisfies(e -> assertThat(rootMessages(e)).contains("awards/broken.drl:7:"));
    }

    @Test
    void one_setting_points_laurel_at_postgresql() {
        Map<String, Object> p = Application.databaseSettings(Map.of("LAUREL_DB_URL", "jdbc:postgresql://db:5432/laurel",
                "LAUREL_DB_USER", "laurel"));
        assertThat(p).containsEntry("datasources.default.dialect", "POSTGRES")
                .containsEntry("datasources.default.driver-class-name", "org.postgresql.Driver")
                .containsEntry("datasources.default.username", "laurel")
                .containsEntry("laurel.demo.enabled", false);
        assertThat(Application.databaseSettings(Map.of())).isEmpty();
        assertThatThrownBy(() -> Application.databaseSettings(Map.of("LAUREL_DB_URL", "jdbc:mysql://x/y")))
                .hasMessageContaining("LAUREL_DB_URL");
    }

    static String rootMessages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) sb.append(t.getMessage()).append('\n');
        return sb.toString();
    }
}
