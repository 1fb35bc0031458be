namespace BfReleaseNotes.Checks;

/// <summary>
/// A monorepo project as the head configuration places it: a merge request may move a project, so its entries and
/// published files are looked for in the head's folder of the project with the same name.
/// </summary>
/// <param name="Name">The project's name, for messages.</param>
/// <param name="Folder">Its notes folder at head; the base's when head does not move it or its configuration cannot be read.</param>
internal sealed record ProjectAtHead(string Name, string Folder);
