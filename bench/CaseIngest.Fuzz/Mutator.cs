using System.IO.Compression;

namespace CaseIngest.Fuzz;

/// <summary>Mutations of a seed: byte flips, interesting values, chunk deletion, duplication and insertion, truncation,
/// splicing with another seed, and — for zip containers (.zip, .docx) — the same mutations applied inside one entry and
/// the archive rebuilt, so the XML and image parsers behind the zip's CRC check are reached too.</summary>
internal sealed class Mutator(Random random)
{
    private static readonly byte[] s_interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, (byte)'<', (byte)'>', (byte)'"', (byte)'&', (byte)'/', (byte)'{', (byte)'['];

    public byte[] Mutate(byte[] seed, byte[] other, bool isZipContainer)
    {
        if (isZipContainer && random.Next(3) != 0 && TryMutateEntry(seed, other) is { } rebuilt)
        {
            return rebuilt;
        }

        var bytes = seed;
        var rounds = 1 + random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            bytes = MutateBytes(bytes, other);
        }

        return bytes;
    }

    private byte[] MutateBytes(byte[] input, byte[] other)
    {
        if (input.Length == 0)
        {
            return [(byte)random.Next(256)];
        }

        var bytes = (byte[])input.Clone();
        switch (random.Next(8))
        {
            case 0: // flip bits
                for (var i = 0; i < 1 + random.Next(8); i++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 1: // interesting bytes
                for (var i = 0; i < 1 + random.Next(4); i++)
                {
                    bytes[random.Next(bytes.Length)] = s_interesting[random.Next(s_interesting.Length)];
                }

                return bytes;
            case 2: // a 16- or 32-bit length field set to an extreme
            {
                var at = random.Next(Math.Max(1, bytes.Length - 4));
                var value = random.Next(4) switch { 0 => 0u, 1 => 0xFFFFFFFFu, 2 => 0x7FFFFFFFu, _ => (uint)random.Next() };
                for (var i = 0; i < 4 && at + i < bytes.Length; i++)
                {
                    bytes[at + i] = (byte)(value >> (8 * i));
                }

                return bytes;
            }
            case 3: // delete a chunk
            {
                var (start, length) = Chunk(bytes.Length);
                return [.. bytes[..start], .. bytes[(start + length)..]];
            }
            case 4: // duplicate a chunk
            {
                var (start, length) = Chunk(bytes.Length);
                return [.. bytes[..(start + length)], .. bytes[start..(start + length)], .. bytes[(start + length)..]];
            }
            case 5: // truncate
                return bytes[..random.Next(bytes.Length)];
            case 6: // splice with another seed
            {
                var cut = random.Next(bytes.Length);
                var from = other.Length == 0 ? 0 : random.Next(other.Length);
                return [.. bytes[..cut], .. other[from..]];
            }
            default: // insert random bytes
            {
                var at = random.Next(bytes.Length);
                var inserted = new byte[1 + random.Next(64)];
                random.NextBytes(inserted);
                return [.. bytes[..at], .. inserted, .. bytes[at..]];
            }
        }
    }

    private (int Start, int Length) Chunk(int size)
    {
        var start = random.Next(size);
        var length = 1 + random.Next(Math.Max(1, Math.Min(size - start, 256)));
        return (start, Math.Min(length, size - start));
    }

    private byte[]? TryMutateEntry(byte[] seed, byte[] other)
    {
        try
        {
            using var input = new ZipArchive(new MemoryStream(seed), ZipArchiveMode.Read);
            var entries = input.Entries.Where(e => e.Length > 0).ToList();
            if (entries.Count == 0)
            {
                return null;
            }

            // XML parts are where the readers work; prefer them.
            var xml = entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToList();
            var pool = xml.Count > 0 && random.Next(4) != 0 ? xml : entries;
            var target = pool[random.Next(pool.Count)];
            using var output = new MemoryStream();
            using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var entry in input.Entries)
                {
                    var written = archive.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                    using var source = entry.Open();
                    using var buffer = new MemoryStream();
                    source.CopyTo(buffer);
                    var content = entry == target ? MutateBytes(MutateBytes(buffer.ToArray(), other), other) : buffer.ToArray();
                    using var destination = written.Open();
                    destination.Write(content);
                }
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
