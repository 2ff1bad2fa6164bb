using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace HeritageRegistry.Import;

/// <summary>One data row of a spreadsheet: its number as the spreadsheet shows it (the header is row 1) and its cells by column name.</summary>
public sealed record SpreadsheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The cell's trimmed text, or null when the column is missing or the cell blank.</summary>
    public string? Text(string column) => Cells.TryGetValue(column, out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}

/// <summary>
/// A spreadsheet read into rows of text, or why it cannot be: a CSV (UTF-8 with or without a byte-order mark,
/// comma or semicolon, told from the header) or an XLSX workbook's first sheet. Judged by content, not by the
/// file's name or the type the browser claims. Column names are compared lower-case and trimmed.
/// </summary>
public sealed record SpreadsheetFile(string Format, IReadOnlyList<string> Columns, IReadOnlyList<SpreadsheetRow> Rows, string? Problem)
{
    public const int MaxRows = 10_000;

    public const int MaxBytes = 16 * 1024 * 1024;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    public static SpreadsheetFile Unreadable(string problem) => new("", [], [], problem);

    public static SpreadsheetFile Read(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return Unreadable("The file is empty.");
        }
        if (bytes.Length > MaxBytes)
        {
            return Unreadable($"The file is larger than {MaxBytes / (1024 * 1024)} MB; split it into smaller files.");
        }
        return bytes.AsSpan().StartsWith(ZipSignature) ? ReadXlsx(bytes) : ReadCsv(bytes);
    }

    private static SpreadsheetFile ReadCsv(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return NotASpreadsheet;
        }
        // Text with NUL or other control codes (but tabs and line breaks) is a binary file that happens to decode.
        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
        {
            return NotASpreadsheet;
        }
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";"],
            MissingFieldFound = null,
            BadDataFound = null,
        };
        using var csv = new CsvReader(new StringReader(text), configuration);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
            {
                return Unreadable("The file has no header row naming its columns.");
            }
            var columns = header.Select(Name).ToList();
            var rows = new List<SpreadsheetRow>();
            while (csv.Read())
            {
                if (rows.Count == MaxRows)
                {
                    return TooManyRows;
                }
                var record = csv.Parser.Record ?? [];
                rows.Add(Row(csv.Parser.Row, columns, i => i < record.Length ? record[i] : null));
            }
            return new SpreadsheetFile(csv.Parser.Delimiter == ";" ? "CSV (semicolons)" : "CSV", columns, [.. rows.Where(r => !IsBlank(r))], null);
        }
        catch (CsvHelperException ex)
        {
            return Unreadable($"The CSV cannot be read at row {ex.Context?.Parser?.Row}: check its quotes.");
        }
    }

    private static SpreadsheetFile ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        try
        {
            // Without a header row MiniExcel names the cells by their column letters and keeps blank rows, so row numbers stay true.
            using var sheet = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().GetEnumerator();
            if (!sheet.MoveNext())
            {
                return Unreadable("The workbook's first sheet is empty.");
            }
            var letters = sheet.Current.Keys.ToList();
            var columns = letters.Select(l => Name(Cell(sheet.Current[l]))).ToList();
            var rows = new List<SpreadsheetRow>();
            var number = 1;
            while (sheet.MoveNext())
            {
                number++;
                var cells = sheet.Current;
                var row = Row(number, columns, i => cells.TryGetValue(letters[i], out var value) ? Cell(value) : null);
                if (IsBlank(row))
                {
                    continue;
                }
                if (rows.Count == MaxRows)
                {
                    return TooManyRows;
                }
                rows.Add(row);
            }
            return new SpreadsheetFile("XLSX", columns, rows, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or KeyNotFoundException
            or NullReferenceException or ArgumentException or FormatException or IndexOutOfRangeException or InvalidCastException or OverflowException)
        {
            // A ZIP that is not a workbook (a .docx, an .odt, a damaged file).
            return NotASpreadsheet;
        }
    }

    private static SpreadsheetFile NotASpreadsheet => Unreadable("This file is not a spreadsheet: upload a CSV (UTF-8) or an XLSX file.");

    private static SpreadsheetFile TooManyRows => Unreadable($"The file has more than {MaxRows:N0} rows; split it into files of at most {MaxRows:N0} rows.");

    private static SpreadsheetRow Row(int number, List<string> columns, Func<int, string?> cell)
    {
        var cells = new Dictionary<string, string>(columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length > 0 && cell(i) is { } text)
            {
                cells.TryAdd(columns[i], text);
            }
        }
        return new SpreadsheetRow(number, cells);
    }

    private static bool IsBlank(SpreadsheetRow row) => row.Cells.Values.All(string.IsNullOrWhiteSpace);

    private static string Name(string? header) => (header ?? "").Trim().ToLowerInvariant();

    /// <summary>A cell as text: numbers in invariant form, dates as ISO days (EDTF), whatever the workbook's locale.</summary>
    private static string? Cell(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTime day => day.TimeOfDay == TimeSpan.Zero ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day.ToString("s", CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
