using System.CommandLine;
using BfReleaseNotes.Editing;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>add</c>: inserts one entry into <c>unreleased.md</c> at its canonical place.</summary>
internal static class AddCommand
{
    public static Command Create(CliContext context)
    {
        var section = new Option<string>("--section") { Description = "public, beta or internal.", Required = true };
        section.AcceptOnlyFromAmong("public", "beta", "internal");
        var type = new Option<string>("--type") { Description = "added, changed, deprecated, removed, fixed or security.", Required = true };
        type.AcceptOnlyFromAmong("added", "changed", "deprecated", "removed", "fixed", "security");
        var flag = new Option<string?>("--flag") { Description = "The feature flag that hides an Internal entry (required for --section internal)." };
        var dir = CommonOptions.Dir();
        var text = new Argument<string?>("TEXT") { Description = "The entry's markdown; read from standard input when omitted.", Arity = ArgumentArity.ZeroOrOne };
        CommonOptions.RefuseOptionLikeValues(text, "add");
        var command = new Command("add", "Add an entry to unreleased.md, creating missing headings; no other byte of the file changes.\n" + ExitCodes.Help)
        {
            section, type, flag, dir, text,
        };
        command.SetAction(parse => Run(
            context,
            Enum.Parse<Visibility>(parse.GetValue(section)!, ignoreCase: true),
            Enum.Parse<ChangeType>(parse.GetValue(type)!, ignoreCase: true),
            parse.GetValue(flag),
            parse.GetValue(dir)!,
            parse.GetValue(text)));
        return command;
    }

    private static int Run(CliContext context, Visibility visibility, ChangeType type, string? flag, string dir, string? text)
    {
        text ??= context.In?.ReadToEnd();
        if (string.IsNullOrWhiteSpace(text))
        {
            context.Error.WriteLine("error: no entry text; pass it as an argument or on standard input, e.g. bf-release-notes add --section public --type fixed \"Export no longer times out\"");
            return ExitCodes.CouldNotRun;
        }

        var folder = new ReleaseNotesFolder(context.Resolve(dir));
        // Locked from the read to the write: a second add waits instead of writing over this one's entry.
        using var session = CommonOptions.OpenSession(context, folder, "add");
        var document = CommonOptions.ReadValidUnreleased(context, session);
        if (document is null)
        {
            return ExitCodes.ContentProblems;
        }

        var result = EntryAdder.Add(document, visibility, type, flag, text, folder.UnreleasedPath);
        if (!result.Succeeded)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                context.Error.WriteLine($"error: {diagnostic.Message}. No file was changed.");
            }

            return ExitCodes.CouldNotRun;
        }

        // The new document keeps the source's byte-order mark, if it had one.
        session.Transaction().Write(folder.UnreleasedPath, result.Document!.ToBytes()).Commit();
        var where = flag is null ? $"{visibility} > {type}" : $"{visibility} > {type} > flag {flag}";
        context.Out.WriteLine($"added to {folder.UnreleasedPath} under {where}");
        return ExitCodes.Ok;
    }
}
