using System.CommandLine;
using BfReleaseNotes.History;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>changelog</c>: one Keep-a-Changelog file of every published release, or a check that it is current.</summary>
internal static class ChangelogCommand
{
    public static Command Create(CliContext context)
    {
        var dir = CommonOptions.Dir();
        var project = CommonOptions.Project();
        var output = new Option<string?>("--output") { Description = "Write the changelog to this file (default: stdout; with --check, the file to compare, default CHANGELOG.md)." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the file is missing or differs from what would be written." };
        var command = new Command("changelog", "Aggregate every published release (newest first, Public then Beta) into one Keep-a-Changelog-style CHANGELOG.md.\n" + ExitCodes.Help + " With --check, exit 1 when the file is stale.")
        {
            dir, project, output, check,
        };
        command.SetAction(parse =>
        {
            var changelog = ChangelogWriter.Write(CommonOptions.Folder(context, parse.GetValue(dir), parse.GetValue(project)));
            CommonOptions.PrintDiagnostics(context, changelog.Diagnostics);
            foreach (var warning in changelog.Warnings)
            {
                context.Error.WriteLine($"warning: {warning}");
            }

            if (!changelog.IsValid)
            {
                context.Error.WriteLine("error: a published file has errors (listed as file:line:col); fix them ('bf-release-notes lint') and run 'changelog' again. No file was changed.");
                return ExitCodes.ContentProblems;
            }

            var target = parse.GetValue(output) is { } given ? context.Resolve(given) : null;
            if (parse.GetValue(check))
            {
                target ??= context.Resolve(ChangelogWriter.DefaultFileName);
                var existing = File.Exists(target) ? ReleaseNotesFolder.ReadBytes(target) : null;
                if (changelog.IsCurrent(existing))
                {
                    context.Out.WriteLine($"{target} is up to date ({changelog.ReleaseCount} releases).");
                    return ExitCodes.Ok;
                }

                context.Error.WriteLine($"error: {target} {(existing is null ? "does not exist" : "is out of date")}; run 'bf-release-notes changelog --output {target}' and commit it.");
                return ExitCodes.ContentProblems;
            }

            if (target is null)
            {
                context.Out.Write(changelog.Text);
                return ExitCodes.Ok;
            }

            new FileTransaction().Write(target, changelog.ToBytes()).Commit();
            context.Error.WriteLine($"wrote {target} ({changelog.ReleaseCount} releases)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
