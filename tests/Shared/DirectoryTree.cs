namespace CaseIngest.Testing;

/// <summary>Folder trees for fixtures: a package folder, an index as the disk holds it at a moment.</summary>
internal static class DirectoryTree
{
    /// <summary>Copies every file under <paramref name="source"/> to the same place under <paramref name="target"/>
    /// (created as needed; files already there are overwritten).</summary>
    public static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to, overwrite: true);
        }
    }
}
