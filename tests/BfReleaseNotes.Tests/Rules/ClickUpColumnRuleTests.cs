using BfReleaseNotes.Migration;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// How the ClickUp import finds the mapping's columns in an export's header, pinned on <see cref="ClickUpColumns"/>
/// with the exact messages a migration owner reads: a duplicated column, an alias with a field type that matches only
/// that exact column, which header is offered as "the closest" (ties, the distance limit and its edge), and the text
/// twin of a date column.
/// </summary>
public sealed class ClickUpColumnRuleTests
{
    private const string NoColumnEnd = "Add the right name to the mapping's aliases. Nothing was written.";

    [Fact]
    public void A_column_name_the_header_holds_twice_is_refused_naming_the_setting_and_the_count()
    {
        var columns = new ClickUpColumns(["Task ID", "Release", "Task Name", "Release"], "export.csv");

        var error = Assert.Throws<EnvironmentException>(() => columns.Find(["Release"], "release.version"));

        Assert.Equal(
            "export.csv: the column 'Release' (release.version) appears 2 times in the header; give it a field type, e.g. 'Release (drop down)', or remove the duplicate",
            error.Message);
    }

    [Fact]
    public void An_alias_with_a_field_type_matches_only_that_exact_column_not_a_longer_custom_field_name()
    {
        var columns = new ClickUpColumns(["Task ID", "Release (drop down) (labels)"], "export.csv");

        var error = Assert.Throws<EnvironmentException>(() => columns.Find(["Release (drop down)"], "release.version"));

        Assert.Equal(
            "export.csv: no column for release.version ('Release (drop down)'); the closest is 'Release (drop down) (labels)'; " +
            $"the columns found are: 'Task ID', 'Release (drop down) (labels)'. {NoColumnEnd}",
            error.Message);
    }

    [Fact]
    public void With_no_header_near_any_alias_the_message_lists_the_aliases_and_every_column_and_offers_no_closest()
    {
        var columns = new ClickUpColumns(["Name", "Owner"], "export.csv");

        var error = Assert.Throws<EnvironmentException>(() => columns.Find(["Task ID", "ID"], "columns.taskId"));

        Assert.Equal(
            $"export.csv: no column for columns.taskId ('Task ID' or 'ID'); the columns found are: 'Name', 'Owner'. {NoColumnEnd}",
            error.Message);
    }

    [Fact]
    public void Of_headers_equally_close_to_an_alias_the_first_is_offered()
    {
        var columns = new ClickUpColumns(["Task ID", "Tags", "Tab"], "export.csv");

        var error = Assert.Throws<EnvironmentException>(() => columns.Find(["Tag"], "types.from"));

        Assert.Equal(
            $"export.csv: no column for types.from ('Tag'); the closest is 'Tags'; the columns found are: 'Task ID', 'Tags', 'Tab'. {NoColumnEnd}",
            error.Message);
    }

    [Fact]
    public void A_header_three_edits_from_a_short_alias_is_still_offered_as_the_closest()
    {
        var columns = new ClickUpColumns(["Task", "Name"], "export.csv");

        var error = Assert.Throws<EnvironmentException>(() => columns.Find(["Task ID"], "columns.taskId"));

        Assert.Equal(
            $"export.csv: no column for columns.taskId ('Task ID'); the closest is 'Task'; the columns found are: 'Task', 'Name'. {NoColumnEnd}",
            error.Message);
    }

    [Fact]
    public void A_long_alias_offers_headers_up_to_half_its_length_away_measured_by_the_longest_alias()
    {
        // 'date created' to 'created' is five edits: within half of the longest alias (12 / 2), beyond three and beyond half of 'Added On' (8 / 2).
        var columns = new ClickUpColumns(["Task ID", "Created"], "export.csv");

        var error = Assert.Throws<EnvironmentException>(() => columns.Find(["Date Created", "Added On"], "columns.taskDate"));

        Assert.Equal(
            $"export.csv: no column for columns.taskDate ('Date Created' or 'Added On'); the closest is 'Created'; the columns found are: 'Task ID', 'Created'. {NoColumnEnd}",
            error.Message);
    }

    [Fact]
    public void A_date_column_in_the_first_place_has_its_text_twin_and_no_column_has_none()
    {
        var columns = new ClickUpColumns(["Date Created", "Date Created Text", "Due Date"], "export.csv");

        Assert.Equal(1, columns.TextTwin(0));
        Assert.Equal(-1, columns.TextTwin(2));
        Assert.Equal(-1, columns.TextTwin(-1));
    }
}
