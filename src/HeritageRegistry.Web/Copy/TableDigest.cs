using System.Buffers;
using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HeritageRegistry.Copy;

/// <summary>What a column holds, by the PostgreSQL type that declares it (bigint, double precision, text); SQLite's values are read as that type on both sides.</summary>
public enum ColumnKind { Bigint, Float8, Text }

/// <summary>
/// A table's row count and checksum, computed in C# the same way from SQLite and from PostgreSQL: each row's values
/// (as their column's kind) hashed with SHA-256, and the first 128 bits of those hashes summed. The sum does not
/// depend on the order rows are read in, so neither database's collation matters; rows are unique by their
/// primary key, so no two rows can cancel out.
/// </summary>
public readonly record struct TableDigest(long Rows, UInt128 Sum)
{
    public string Checksum => Sum.ToString("x32", CultureInfo.InvariantCulture);

    public static async Task<TableDigest> ReadAsync(DbDataReader reader, IReadOnlyList<ColumnKind> kinds, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var rows = 0L;
        var sum = UInt128.Zero;
        while (await reader.ReadAsync(cancellationToken))
        {
            buffer.ResetWrittenCount();
            for (var i = 0; i < kinds.Count; i++)
            {
                Append(buffer, Value(reader, i, kinds[i]));
            }
            var hash = SHA256.HashData(buffer.WrittenSpan);
            sum += BinaryPrimitives.ReadUInt128LittleEndian(hash);
            rows++;
        }
        return new TableDigest(rows, sum);
    }

    /// <summary>A column's value as its kind: SQLite may hand back an integer from a REAL column, or text a
    /// number, as its type affinity allows; the copy writes, and both checksums read, the declared kind.</summary>
    public static object? Value(DbDataReader reader, int ordinal, ColumnKind kind)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }
        var value = reader.GetValue(ordinal);
        return kind switch
        {
            ColumnKind.Bigint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            ColumnKind.Float8 => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    // A tag before each value, and a length before text, so no two different rows run together into the same bytes.
    private static void Append(ArrayBufferWriter<byte> buffer, object? value)
    {
        switch (value)
        {
            case null:
                buffer.Write("N"u8);
                break;
            case long integer:
                buffer.Write("I"u8);
                BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), integer);
                buffer.Advance(8);
                break;
            case double real:
                buffer.Write("R"u8);
                BinaryPrimitives.WriteDoubleLittleEndian(buffer.GetSpan(8), real);
                buffer.Advance(8);
                break;
            case string text:
                buffer.Write("T"u8);
                var length = Encoding.UTF8.GetByteCount(text);
                BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), length);
                buffer.Advance(4);
                buffer.Advance(Encoding.UTF8.GetBytes(text, buffer.GetSpan(length)));
                break;
            default:
                throw new InvalidOperationException($"No checksum for a {value.GetType().Name}.");
        }
    }
}
