namespace FakeElb.Tests;

/// <summary>Locates <c>shared/reference</c>, which sits next to the repository (<c>&lt;repo&gt;/../shared</c>).</summary>
internal static class ReferenceData
{
    public static string SigV4SuiteDirectory => Path.Combine(ReferenceDirectory, "aws", "sigv4-test-suite", "v4");

    private static string ReferenceDirectory
    {
        get
        {
            var repository = RepositoryRoot();
            var reference = Path.GetFullPath(Path.Combine(repository, "..", "shared", "reference"));
            return Directory.Exists(reference)
                ? reference
                : throw new DirectoryNotFoundException(
                    $"Reference data not found at '{reference}'. The 'shared' folder must sit next to the repository ({repository}).");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props"))) return directory.FullName;
        }

        throw new DirectoryNotFoundException($"No repository root (a folder with Directory.Packages.props) above '{AppContext.BaseDirectory}'.");
    }
}
