using System.Buffers.Binary;

namespace CaseIngest.Documents.Docx;

/// <summary>A part of a .docx known by what its zip entry declares — its CRC-32 and both sizes — and read only when
/// asked. Documents made from one template carry its styles part byte for byte, so the declaration recognises the
/// template without inflating and hashing hundreds of kilobytes of XML for every document; two different parts alike
/// in all three are not a practical case (a 32-bit checksum and two equal sizes among the few templates kept).</summary>
internal sealed class StoredPart
{
    private readonly Func<byte[]> _read;

    public StoredPart(uint crc32, long length, long compressedLength, Func<byte[]> read)
    {
        var fingerprint = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(fingerprint, crc32);
        BinaryPrimitives.WriteInt64LittleEndian(fingerprint.AsSpan(4), length);
        BinaryPrimitives.WriteInt64LittleEndian(fingerprint.AsSpan(12), compressedLength);
        Fingerprint = fingerprint;
        _read = read;
    }

    /// <summary>The entry's CRC-32, size and compressed size, as one key.</summary>
    public byte[] Fingerprint { get; }

    /// <summary>The part's bytes, inflated now.</summary>
    /// <exception cref="InvalidDataException">The part holds other than its entry declares.</exception>
    public byte[] Read() => _read();
}
