package vn.laurel.api.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;

/**
 * Holds each top-level object of a JSON stream to a size, as its tokens are read: a case document is
 * read whole into memory before it is checked, so one document as large as the file must be stopped
 * while it streams in. (Every other way of reading the next token goes through {@link #nextToken}.)
 */
final class DocumentSizeLimit extends JsonParserDelegate {
    private final long limit;
    private long start = -1;

    DocumentSizeLimit(JsonParser parser, long limit) {
        super(parser);
        this.limit = limit;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = super.nextToken();
        long at = delegate.currentLocation().getByteOffset();
        if (t == JsonToken.START_OBJECT && topLevel(delegate.getParsingContext().getParent())) start = at;
        if (start >= 0 && at - start > limit) {
            throw new StreamConstraintsException("a case document is larger than " + vn.laurel.api.limits.Sizes.of(limit) + ", the limit for one document");
        }
        return t;
    }

    /** The root, or an array at the root: where the case documents of a file are. */
    private static boolean topLevel(com.fasterxml.jackson.core.JsonStreamContext parent) {
        return parent.inRoot() || parent.inArray() && parent.getParent() != null && parent.getParent().inRoot();
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }
}
