using System.Globalization;
using System.Text;

namespace CaseIngest.Search.Lucene;

/// <summary>The index root: versioned directories <c>v0001</c>, <c>v0002</c>… and a file <c>current</c> naming the one
/// in use. Switching is a rename over <c>current</c>, atomic on every file system we run on, so a reader sees the old
/// name or the new one, never half of either.</summary>
internal sealed class LuceneIndexPointer(string root)
{
    private const string PointerFile = "current";

    public string Root { get; } = Path.GetFullPath(root);

    public string? Read()
    {
        var path = Path.Combine(Root, PointerFile);
        if (!File.Exists(path))
        {
            return null;
        }

        var name = File.ReadAllText(path, Encoding.UTF8).Trim();
        return name.Length > 0 && Directory.Exists(Path.Combine(Root, name)) ? name : null;
    }

    public void Write(string name)
    {
        Directory.CreateDirectory(Root);
        var temporary = Path.Combine(Root, PointerFile + ".tmp");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 256, FileOptions.WriteThrough))
        {
            stream.Write(Encoding.UTF8.GetBytes(name));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(Root, PointerFile), overwrite: true);
    }

    /// <summary>The name of the next version (one above the highest existing).</summary>
    public string NextName()
    {
        var highest = Versions().Select(v => v.Number).DefaultIfEmpty(0).Max();
        return Name(highest + 1);
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Deletes every version directory except those named; a directory still open elsewhere is left for next time.</summary>
    public IReadOnlyList<string> DeleteAllExcept(params string?[] keep)
    {
        var deleted = new List<string>();
        foreach (var (name, _) in Versions().Where(v => !keep.Contains(v.Name)))
        {
            try
            {
                Directory.Delete(PathOf(name), recursive: true);
                deleted.Add(name);
            }
            catch (IOException)
            {
                // Still in use by another process (a web app reading the old version): the next reindex removes it.
            }
        }

        return deleted;
    }

    private static string Name(int number) => "v" + number.ToString("D4", CultureInfo.InvariantCulture);

    private IEnumerable<(string Name, int Number)> Versions()
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var directory in Directory.EnumerateDirectories(Root, "v*"))
        {
            var name = Path.GetFileName(directory);
            if (int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                yield return (name, number);
            }
        }
    }
}
