package vn.laurel.api.limits;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.inject.Singleton;

/** The input limits configured under {@code laurel.limits.*} (application.yml states the defaults and why). */
@Factory
class LimitsFactory {
    @Singleton
    ImportLimits importLimits(@Value("${laurel.limits.import-expanded-bytes:256MB}") @ReadableBytes long expandedBytes,
                              @Value("${laurel.limits.import-entry-bytes:128MB}") @ReadableBytes long entryBytes,
                              @Value("${laurel.limits.import-entries:64}") int entries,
                              @Value("${laurel.limits.import-rows:1000000}") long rows,
                              @Value("${laurel.limits.import-field-length:4096}") int fieldLength,
                              @Value("${laurel.limits.import-case-document-bytes:10MB}") @ReadableBytes long caseDocumentBytes) {
        return new ImportLimits(expandedBytes, entryBytes, entries, rows, fieldLength, caseDocumentBytes);
    }

    @Singleton
    YamlBodyLimit yamlBodyLimit(@Value("${laurel.limits.yaml-body-bytes:1MB}") @ReadableBytes int bytes) {
        return new YamlBodyLimit(bytes);
    }

    @Singleton
    DraftFileLimit draftFileLimit(@Value("${laurel.limits.draft-file-bytes:1MB}") @ReadableBytes long bytes) {
        return new DraftFileLimit(bytes);
    }
}
