using BfReleaseNotes.Cli;

return CliApp.Run(args, CliContext.FromProcess());
