package org.conventionledger.csv;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens the tables organisers have: CSV as any spreadsheet or program saved it, or an {@code .xlsx}
 * workbook. Rules, in order:
 * <ol>
 *   <li><b>Kind.</b> A workbook is recognised by its bytes (a zip archive, {@code PK\3\4}) or by the
 *   declared type {@value #XLSX_TYPE}; its first sheet is read, or the one named. The old binary
 *   {@code .xls} is refused with a message asking for {@code .xlsx} or CSV. Anything else is CSV.</li>
 *   <li><b>Encoding</b> (CSV). A byte-order mark decides (UTF-8, UTF-16). Otherwise a charset declared
 *   by the upload ({@code text/csv; charset=windows-1252}) is obeyed unless it is UTF-8, which many
 *   programs declare by default; then the first {@value #SNIFF_BYTES} bytes decide: valid UTF-8 is
 *   UTF-8, anything else is Windows-1252, or ISO-8859-15 when the bytes hold none of Windows-1252's
 *   own characters (0x80–0x9F) but one where ISO-8859-15 has {@code € Œ œ Š š Ž ž Ÿ}.</li>
 *   <li><b>Separator</b> (CSV): whichever of {@code ;}, tab and {@code ,} the header line holds most
 *   (outside quotes); a comma when it holds none.</li>
 *   <li><b>Quoting</b> (CSV): RFC 4180 through Jackson's CSV parser; cells are trimmed; blank lines
 *   skipped.</li>
 *   <li><b>Bounds.</b> At most {@code maxRows} data rows and {@code maxLineChars} characters in a
 *   line, so memory stays bounded whatever is sent.</li>
 * </ol>
 */
public final class TableReader {

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The default bound on data rows, documented in docs/recruitment.md. */
    public static final int MAX_ROWS = 200_000;
    /** The default bound on a line's characters, documented in docs/recruitment.md. */
    public static final int MAX_LINE_CHARS = 65_536;

    static final int SNIFF_BYTES = 1 << 20;

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset ISO_8859_15 = Charset.forName("ISO-8859-15");

    private final int maxRows;
    private final int maxLineChars;

    private TableReader(int maxRows, int maxLineChars) {
        this.maxRows = maxRows;
        this.maxLineChars = maxLineChars;
    }

    /** A reader with the default bounds. */
    public static TableReader bounded() {
        return new TableReader(MAX_ROWS, MAX_LINE_CHARS);
    }

    /** A reader with other bounds (tests, tools). */
    public static TableReader bounded(int maxRows, int maxLineChars) {
        return new TableReader(maxRows, maxLineChars);
    }

    /**
     * Opens the bytes of {@code in}, with the upload's declared {@code contentType} (may be null) and the
     * name of the sheet to read in a workbook (null for the first).
     */
    public Table open(InputStream in, String contentType, String sheet) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 8192);
            buffered.mark(8);
            byte[] magic = buffered.readNBytes(8);
            buffered.reset();
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (startsWith(magic, 0xD0, 0xCF, 0x11, 0xE0) || type.startsWith("application/vnd.ms-excel.sheet")) {
                throw new UnreadableTable(0, "an old Excel .xls workbook; save it as .xlsx or as CSV");
            }
            if (startsWith(magic, 'P', 'K', 3, 4) || type.startsWith(XLSX_TYPE)) {
                return Spreadsheet.open(buffered, sheet, maxRows);
            }
            byte[] prefix = buffered.readNBytes(SNIFF_BYTES);
            Charset charset = charset(prefix, contentType);
            InputStream all = new SequenceInputStream(new ByteArrayInputStream(prefix), buffered);
            return CsvTable.open(all, charset, maxRows, maxLineChars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens CSV text already decoded (a field of a JSON request, a test). */
    public Table open(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return CsvTable.open(new StringReader(body), null, maxRows, maxLineChars);
    }

    /** The charset of CSV bytes whose first bytes are {@code prefix}; see the class comment. */
    static Charset charset(byte[] prefix, String contentType) {
        if (startsWith(prefix, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(prefix, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(prefix, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        Charset declared = declared(contentType);
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            return declared;
        }
        if (isUtf8(prefix, prefix.length == SNIFF_BYTES)) {
            return StandardCharsets.UTF_8;
        }
        boolean windowsOnly = false;
        boolean isoSymbol = false;
        for (byte b : prefix) {
            int u = b & 0xFF;
            windowsOnly |= u >= 0x80 && u <= 0x9F;
            isoSymbol |= u == 0xA4 || u == 0xA6 || u == 0xA8 || u == 0xB4 || u == 0xB8 || u == 0xBC || u == 0xBD
                    || u == 0xBE;
        }
        return !windowsOnly && isoSymbol ? ISO_8859_15 : WINDOWS_1252;
    }

    private static Charset declared(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnreadableTable(0, "unknown charset \"" + m.group(1) + "\" in the Content-Type");
        }
    }

    /** Whether {@code bytes} are UTF-8; a sequence cut by the end of a {@code truncated} prefix is allowed. */
    private static boolean isUtf8(byte[] bytes, boolean truncated) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, !truncated);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return truncated || !decoder.flush(out).isError();
            }
            out.clear();
        }
    }

    private static boolean startsWith(byte[] bytes, int... start) {
        if (bytes.length < start.length) {
            return false;
        }
        for (int i = 0; i < start.length; i++) {
            if ((bytes[i] & 0xFF) != start[i]) {
                return false;
            }
        }
        return true;
    }
}
