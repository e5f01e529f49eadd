package vn.laurel.api.export;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A table sent as a file to save: CSV or XLSX, with the file's name in Content-Disposition. */
public final class Downloads {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final MediaType XLSX_TYPE = MediaType.of(XLSX);
    public static final String CSV = "text/csv;charset=utf-8";

    private Downloads() {}

    /** CSV with a byte order mark (for Excel) or without (for programs that read the API). */
    public static MutableHttpResponse<byte[]> csv(Table table, String name, boolean bom) {
        return file(Csv.write(table, bom), CSV, name + ".csv");
    }

    public static MutableHttpResponse<byte[]> xlsx(Table table, String name) {
        return file(Xlsx.write(table), XLSX, name + ".xlsx");
    }

    public static MutableHttpResponse<byte[]> file(byte[] bytes, String contentType, String filename) {
        return HttpResponse.ok(bytes).contentType(contentType).header("Content-Disposition", disposition(filename));
    }

    /**
     * {@code attachment} with the name twice: in ASCII for old clients (anything else, quotes and path
     * characters included, becomes "_"), and exactly, UTF-8 percent-encoded (RFC 6266), for the rest.
     */
    public static String disposition(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        String exact = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}
