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
        var section = CommonOptions.Choice<Visibility>("--section", "The section (any case). Default: \"add.section\" of config.json; required when it has none.");
        var type = CommonOptions.Choice<ChangeType>("--type", "The change type (any case). Default: \"add.type\" of config.json; required when it has none.");
        var flag = new Option<string?>("--flag") { Description = "The feature flag that hides an Internal entry (required for --section internal)." };
        var link = new Option<string[]>("--link")
        {
            Description = "A link reference definition LABEL=URL for the entry, e.g. --link \"#123=https://gitlab.example.com/app/-/merge_requests/123\" (repeatable). Appended at the end of the file, or reused when the file has the same one.",
            HelpName = "LABEL=URL",
            AllowMultipleArgumentsPerToken = false,
        };
        var dir = CommonOptions.Dir();
        var project = CommonOptions.Project();
        var text = new Argument<string?>("TEXT") { Description = "The entry's markdown; read from standard input when omitted. Lines '[label]: url' in it become definitions at the end of the file.", Arity = ArgumentArity.ZeroOrOne };
        CommonOptions.RefuseOptionLikeValues(text, "add");
        var command = new Command("add", "Add an entry to unreleased.md, creating missing headings; no other byte of the file changes.\n" + ExitCodes.Help)
        {
            section, type, flag, link, dir, project, text,
        };
        command.SetAction(parse => Run(
            context,
            parse.GetValue(section),
            parse.GetValue(type),
            parse.GetValue(flag),
            parse.GetValue(link) ?? [],
            parse.GetValue(dir),
            parse.GetValue(project),
            parse.GetValue(text)));
        return command;
    }

    private static int Run(CliContext context, Visibility? visibility, ChangeType? type, string? flag, string[] linkTexts, string? dir, string? project, string? text)
    {
        var location = CommonOptions.Locate(context, dir, project);
        visibility ??= location.Configuration.Add.Section;
        type ??= location.Configuration.Add.Type;
        if (visibility is null || type is null)
        {
            var missing = visibility is null ? "--section (public, beta or internal)" : "--type (added, changed, deprecated, removed, fixed or security)";
            context.Error.WriteLine($"error: add needs {missing}; pass it, or set a default in {location.ConfigurationPath ?? "release-notes/config.json"} (\"add\": {{ \"section\": \"public\", \"type\": \"fixed\" }}). No file was changed.");
            return ExitCodes.CouldNotRun;
        }

        var links = new List<LinkDefinition>();
        foreach (var linkText in linkTexts)
        {
            if (!LinkDefinition.TryParse(linkText, out var definition, out var linkError))
            {
                context.Error.WriteLine($"error: --link {linkError}. No file was changed.");
                return ExitCodes.CouldNotRun;
            }

            links.Add(definition);
        }

        text ??= context.In?.ReadToEnd();
        if (string.IsNullOrWhiteSpace(text))
        {
            context.Error.WriteLine("error: no entry text; pass it as an argument or on standard input, e.g. bf-release-notes add --section public --type fixed \"Export no longer times out\"");
            return ExitCodes.CouldNotRun;
        }

        var folder = location.Folder;
        // Locked from the read to the write: a second add waits instead of writing over this one's entry.
        using var session = CommonOptions.OpenSession(context, folder, "add");
        var document = CommonOptions.ReadValidUnreleased(context, session);
        if (document is null)
        {
            return ExitCodes.ContentProblems;
        }

        var result = EntryAdder.Add(document, visibility.Value, type.Value, flag, text, folder.UnreleasedPath, links);
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
