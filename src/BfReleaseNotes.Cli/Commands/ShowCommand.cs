using System.CommandLine;
using BfReleaseNotes.History;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Cli.Commands;

/// <summary><c>show</c>: prints one published note, e.g. as a GitLab Release description.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var version = new Argument<string>("VERSION") { Description = "A published version (1.42.0) or 'latest'." };
        var dir = CommonOptions.Dir();
        var project = CommonOptions.Project();
        var format = new Option<string>("--format") { Description = "markdown (the file itself, default), html (as 'render' renders it) or json.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "html", "json");
        var publicOnly = new Option<bool>("--public-only") { Description = "Leave out the Beta section." };
        var noTitle = new Option<bool>("--no-title") { Description = "Leave out the title line '# 1.42.0 - 2026-11-25' (a GitLab Release has its own title)." };
        var command = new Command("show", "Print one published note with its link definitions, ready to be a release description.\n" + ExitCodes.Help + " Exit 2 also when the version is not published.")
        {
            version, dir, project, format, publicOnly, noTitle,
        };
        command.SetAction(parse =>
        {
            var folder = CommonOptions.Folder(context, parse.GetValue(dir), parse.GetValue(project));
            var outcome = NoteExporter.Show(folder, new ShowRequest(parse.GetValue(version)!, parse.GetValue(publicOnly), parse.GetValue(noTitle)));
            CommonOptions.PrintDiagnostics(context, outcome.Diagnostics);
            switch (outcome.Status)
            {
                case ShowStatus.NotFound:
                    context.Error.WriteLine($"error: {outcome.Message}");
                    return ExitCodes.CouldNotRun;
                case ShowStatus.Invalid:
                    context.Error.WriteLine($"error: {outcome.Message}");
                    return ExitCodes.ContentProblems;
            }

            var note = outcome.Note!;
            switch (parse.GetValue(format))
            {
                case "html":
                    context.Out.Write(note.ToHtml());
                    break;
                case "json":
                    context.Out.WriteLine(note.ToJson());
                    break;
                default:
                    context.Out.Write(note.Markdown);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
