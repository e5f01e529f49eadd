package vn.laurel.api.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the checkpoint key comes from, and what a signature proves. */
class CheckpointKeyTest {
    @TempDir
    Path dir;

    @Test
    void a_named_key_file_that_does_not_exist_is_created_owner_only_and_the_same_key_is_read_back() throws Exception {
        Path file = dir.resolve("keys/laurel-checkpoint.pem");
        CheckpointKey made = new CheckpointKey(file.toString(), "", false);
        assertThat(made.present()).isTrue();
        assertThat(made.ephemeral()).isFalse();
        assertThat(Files.readString(file)).contains("-----BEGIN PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        CheckpointKey again = new CheckpointKey(file.toString(), "", false);
        assertThat(again.keyId()).isEqualTo(made.keyId());
        // The same key given as an environment secret (the PEM text).
        assertThat(new CheckpointKey("", Files.readString(file), false).publicKey()).isEqualTo(made.publicKey());
    }

    @Test
    void without_a_key_the_embedded_default_makes_an_ephemeral_one_and_a_database_of_ones_own_has_none() {
        CheckpointKey embedded = new CheckpointKey("", "", true);
        assertThat(embedded.present()).isTrue();
        assertThat(embedded.ephemeral()).isTrue();
        assertThat(new CheckpointKey("", "", true).keyId()).isNotEqualTo(embedded.keyId());
        assertThat(new CheckpointKey("", "", false).present()).isFalse();
    }

    @Test
    void a_key_file_without_its_public_key_or_with_a_stranger_s_is_refused_at_start() throws Exception {
        Path one = dir.resolve("one.pem"), two = dir.resolve("two.pem");
        new CheckpointKey(one.toString(), "", false);
        new CheckpointKey(two.toString(), "", false);
        String privateOnly = Files.readString(one).replaceAll("(?s)-----BEGIN PUBLIC KEY-----.*", "");
        assertThatThrownBy(() -> new CheckpointKey("", privateOnly, false)).hasMessageContaining("PUBLIC KEY").hasMessageContaining("openssl");
        String mixed = privateOnly + Files.readString(two).replaceAll("(?s).*(-----BEGIN PUBLIC KEY-----)", "$1");
        assertThatThrownBy(() -> new CheckpointKey("", mixed, false)).hasMessageContaining("do not belong together");
    }

    @Test
    void a_signature_covers_every_field_and_only_the_key_it_names() {
        CheckpointKey key = new CheckpointKey("", "", true);
        Checkpoint unsigned = new Checkpoint(null, 12, "a".repeat(64), 3, "b".repeat(64), Instant.parse("2026-01-15T08:00:00Z"), "auditor",
                key.keyId(), key.publicKey(), true, "");
        Checkpoint signed = new Checkpoint(7L, 12, "a".repeat(64), 3, "b".repeat(64), unsigned.createdAt(), "auditor", key.keyId(),
                key.publicKey(), true, key.sign(unsigned.payload()));
        assertThat(signed.signatureValid()).isTrue();
        assertThat(Checkpoint.parse(vn.laurel.engine.json.Json.write(signed.document())).signatureValid()).isTrue();
        assertThat(new Checkpoint(7L, 13, signed.headHash(), 3, signed.flagHeadHash(), signed.createdAt(), "auditor", key.keyId(),
                key.publicKey(), true, signed.signature()).signatureValid()).isFalse();
        assertThat(new Checkpoint(7L, 12, signed.headHash(), 3, "c".repeat(64), signed.createdAt(), "auditor", key.keyId(),
                key.publicKey(), true, signed.signature()).signatureValid()).isFalse();
        // Another key's public key in the document: the signature does not verify under it.
        CheckpointKey other = new CheckpointKey("", "", true);
        assertThat(new Checkpoint(7L, 12, signed.headHash(), 3, signed.flagHeadHash(), signed.createdAt(), "auditor", other.keyId(),
                other.publicKey(), true, signed.signature()).signatureValid()).isFalse();
    }
}
