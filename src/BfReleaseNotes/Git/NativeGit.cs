using System.Text.RegularExpressions;
using BfReleaseNotes.Workspace;
using LibGit2Sharp;

namespace BfReleaseNotes.Git;

/// <summary>
/// Opens repositories through LibGit2Sharp and turns a missing native libgit2 library into an error that names
/// the file and says what to do. The NativeAOT binary loads <c>libgit2-*.so</c> from its own folder: copying the
/// binary alone used to end in "internal error (TypeInitializationException ...)".
/// </summary>
internal static partial class NativeGit
{
    /// <summary>Opens the repository at <paramref name="gitDirectory"/>; throws <see cref="EnvironmentException"/> when libgit2 cannot be loaded.</summary>
    public static Repository Open(string gitDirectory)
    {
        try
        {
            return new Repository(gitDirectory);
        }
        catch (Exception exception) when (MissingLibrary(exception) is { } missing)
        {
            throw missing;
        }
    }

    /// <summary>The clear error for a libgit2 library that could not be loaded, or null when the exception is something else.</summary>
    public static EnvironmentException? MissingLibrary(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
            {
                var name = LibraryName().Match(current.Message) is { Success: true } match ? match.Groups[1].Value : "git2";
                var file = OperatingSystem.IsWindows() ? $"{name}.dll"
                    : name.StartsWith("lib", StringComparison.Ordinal) || name.Contains(".so", StringComparison.Ordinal) ? name
                    : OperatingSystem.IsMacOS() ? $"lib{name}.dylib" : $"lib{name}.so";
                return new EnvironmentException(
                    $"the native git library '{file}' could not be loaded from {AppContext.BaseDirectory} ({current.GetType().Name}); " +
                    "bf-release-notes needs it beside the program: unpack the whole bf-release-notes-linux-x64.tar.gz archive into one folder " +
                    "(the binary and its .so belong together) or install the .NET tool, then run again",
                    exception);
            }
        }

        return null;
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex LibraryName();
}
