using System.Text;

namespace CaseIngest.Messaging.Broker;

/// <summary>Reads AMQP header values, which arrive as byte arrays for strings and as various integer types.</summary>
public static class HeaderValues
{
    public static string? GetString(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? AsString(value) : null;

    public static long? GetInteger(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                int i => i,
                long l => l,
                short s => s,
                byte b => b,
                uint u => u,
                byte[] bytes when long.TryParse(Encoding.UTF8.GetString(bytes), out var parsed) => parsed,
                string text when long.TryParse(text, out var parsed) => parsed,
                _ => null,
            }
            : null;

    public static string? AsString(object? value) => value switch
    {
        null => null,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => value.ToString(),
    };

    /// <summary>Error texts go into headers; the broker caps a frame, so keep them short.</summary>
    public static string Truncate(string text, int maxLength = 2000) =>
        text.Length <= maxLength ? text : text[..maxLength] + "…";
}
