namespace BfReleaseNotes.Checks;

/// <summary>One monorepo project's own check result (the rules run on its notes and the paths it owns).</summary>
/// <param name="Project">The project's name.</param>
/// <param name="Folder">Its release-notes folder, relative to the repository root.</param>
/// <param name="Touched">True when the merge request changes a path the project owns (not ignored); false when only its notes changed.</param>
/// <param name="Result">The decision for this project.</param>
public sealed record ProjectCheckResult(string Project, string Folder, bool Touched, CheckResult Result);
