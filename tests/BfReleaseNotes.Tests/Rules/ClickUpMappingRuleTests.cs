using System.Text;
using BfReleaseNotes.Migration;
using BfReleaseNotes.Model;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// The ClickUp mapping's checks pinned with their messages word for word (each setting that is missing, empty or
/// invalid, named by its path in the JSON), and the values a valid mapping takes: the separator, which default change
/// type wins, the task address, partial versions and case-insensitive type and visibility names.
/// <see cref="ClickUpMapping.Parse"/> and <see cref="ClickUpMapping.Load"/> are called directly.
/// </summary>
public sealed class ClickUpMappingRuleTests
{
    private const string Types = "Added, Changed, Deprecated, Removed, Fixed, Security";

    [Fact]
    public void A_null_mapping_path_or_file_name_is_refused_by_its_parameter_name()
    {
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ClickUpMapping.Load(null!)).ParamName);
        Assert.Equal("file", Assert.Throws<ArgumentNullException>(() => ClickUpMapping.Parse(Encoding.UTF8.GetBytes(Json()), null!)).ParamName);
    }

    [Fact]
    public void A_mapping_file_that_does_not_exist_is_named_as_the_mapping()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "clickup-mapping.json");

        var error = Assert.Throws<EnvironmentException>(() => ClickUpMapping.Load(path));

        Assert.Equal($"the mapping '{path}' does not exist; check the path", error.Message);
    }

    [Fact]
    public void A_mapping_of_null_is_refused_as_empty()
    {
        var error = Assert.Throws<EnvironmentException>(() => ClickUpMapping.Parse("null"u8, "mapping.json"));

        Assert.Equal("mapping.json: the mapping is empty (null); see migration/README.md for the format", error.Message);
    }

    [Theory]
    [InlineData("ab", "ab")]
    [InlineData("", "")]
    [InlineData("\\\"", "\"")]
    [InlineData("\\r", "\r")]
    [InlineData("\\n", "\n")]
    [InlineData("é", "é")]
    public void A_separator_that_is_not_one_ASCII_character_or_is_a_quote_or_line_break_is_refused(string json, string separator)
    {
        AssertRefused($"'separator' is '{separator}'; use one ASCII character such as \",\" or \";\"", Json(more: $", \"separator\": \"{json}\""));
    }

    [Theory]
    [InlineData(";", ';')]
    [InlineData("\\t", '\t')]
    [InlineData("\\u007f", '\u007f')]
    public void Any_other_ASCII_character_up_to_DEL_is_a_separator(string json, char separator)
    {
        Assert.Equal(separator, Parse(Json(more: $", \"separator\": \"{json}\"")).Separator);
    }

    [Fact]
    public void The_release_and_entry_sections_are_required_and_say_what_they_give()
    {
        AssertRefused("'release' is missing; it says which columns give the version and the date", """{ "shape": "entry-per-row", "columns": { "taskId": ["Task ID"] }, "entry": { "text": ["Task Name"] } }""");
        AssertRefused("'entry' is missing; it says which column gives the text", """{ "shape": "entry-per-row", "columns": { "taskId": ["Task ID"] }, "release": { "version": ["Release"], "date": ["Due Date"] } }""");
    }

    [Fact]
    public void The_task_id_release_date_and_entry_text_columns_are_required_by_their_setting()
    {
        const string Hint = "is missing; give the column name and its aliases, e.g. [\"Task ID\"]";
        AssertRefused($"'columns.taskId' {Hint}", Json(columns: "\"status\": [\"Status\"]"));
        AssertRefused($"'release.date' {Hint}", Json(release: "\"version\": [\"Release\"]"));
        AssertRefused($"'entry.text' {Hint}", Json(entry: "\"details\": [\"Task Content\"]"));
    }

    [Fact]
    public void A_list_or_folder_filter_needs_its_column()
    {
        AssertRefused("'filter.lists' is set but 'columns.list' is not; name the list column", Json(more: """, "filter": { "lists": ["Release Notes"] }"""));
        AssertRefused("'filter.folders' is set but 'columns.folder' is not; name the folder column", Json(more: """, "filter": { "folders": ["Product"] }"""));
    }

    [Fact]
    public void A_list_of_names_with_a_blank_name_is_refused()
    {
        AssertRefused("a list of names holds an empty name", Json(columns: "\"taskId\": [\"Task ID\"], \"status\": [\"Status\"]", more: """, "statuses": ["complete", " "]"""));
    }

    [Fact]
    public void A_content_heading_must_have_a_name_and_be_named_once_ignoring_markup_colon_and_case()
    {
        AssertRefused("'content.headings' has an empty heading name", Json(more: """, "content": { "headings": { "**:**": { "type": "Fixed" } } }"""));
        AssertRefused("'content.headings' names '**fixed:**' twice", Json(more: """, "content": { "headings": { "Fixed": { "type": "Fixed" }, "**fixed:**": { "type": "Fixed" } } }"""));
    }

    [Fact]
    public void An_unknown_type_or_visibility_is_refused_naming_its_setting_and_listing_the_valid_names()
    {
        AssertRefused($"'content.headings.Fixes.type' is 'Bugfix'; use one of {Types}", Json(more: """, "content": { "headings": { "Fixes": { "type": "Bugfix" } } }"""));
        AssertRefused("'content.headings.Beta.visibility' is 'Secret'; use one of Public, Beta, Internal", Json(more: """, "content": { "headings": { "Beta": { "visibility": "Secret" } } }"""));
        AssertRefused($"'types.default' is 'Bugfix'; use one of {Types}", Json(more: """, "types": { "default": "Bugfix" }"""));
        AssertRefused("'visibility.values.staff' is 'Staff'; use one of Public, Beta, Internal", Json(more: """, "visibility": { "from": ["Audience"], "values": { "staff": "Staff" } }"""));
    }

    [Fact]
    public void Type_and_visibility_names_are_read_ignoring_case()
    {
        var mapping = Parse(Json(more: """, "types": { "from": ["Tags"], "values": { "bug": "fixed" } }, "visibility": { "from": ["Audience"], "values": { "staff": "internal" } }"""));

        Assert.Equal(ChangeType.Fixed, mapping.TypeValues["bug"]);
        Assert.Equal(Visibility.Internal, mapping.VisibilityValues["staff"]);
    }

    [Fact]
    public void The_content_default_type_wins_over_the_types_default()
    {
        var mapping = Parse(Json(more: """, "types": { "default": "Fixed" }, "content": { "defaultType": "Added" }"""));

        Assert.Equal(ChangeType.Added, mapping.DefaultType);
    }

    [Fact]
    public void A_task_address_of_its_own_is_used_for_the_reference_link()
    {
        var mapping = Parse(Json(more: """, "taskUrl": "https://tracker.example.com/task/{id}" """));

        Assert.Equal("https://tracker.example.com/task/86abc", mapping.TaskAddress("86abc"));
    }

    [Theory]
    [InlineData("https://tracker.example.com/task/")]
    [InlineData("https://tracker.example.com/task/{id} ")]
    [InlineData("https://tracker.example.com/my tasks/{id}")]
    public void A_task_address_without_its_id_or_with_a_space_is_refused(string taskUrl)
    {
        AssertRefused($"'taskUrl' is '{taskUrl}'; it must hold '{{id}}' and no spaces, e.g. \"https://app.clickup.com/t/{{id}}\"", Json(more: $", \"taskUrl\": \"{taskUrl}\""));
    }

    [Fact]
    public void Partial_versions_stay_partial_unless_the_mapping_asks_to_complete_them()
    {
        Assert.False(Parse(Json()).CompletePartialVersions);
        Assert.True(Parse(Json(release: "\"version\": [\"Release\"], \"date\": [\"Due Date\"], \"completePartialVersions\": true")).CompletePartialVersions);
    }

    private static void AssertRefused(string message, string json)
    {
        var error = Assert.Throws<EnvironmentException>(() => Parse(json));

        Assert.Equal($"mapping.json: the mapping is not valid: {message}. See migration/README.md for the format.", error.Message);
    }

    private static ClickUpMapping Parse(string json) => ClickUpMapping.Parse(Encoding.UTF8.GetBytes(json), "mapping.json");

    /// <summary>A valid entry-per-row mapping; the fragments replace its columns, release and entry sections or extend its top level.</summary>
    private static string Json(
        string columns = "\"taskId\": [\"Task ID\"]",
        string release = "\"version\": [\"Release\"], \"date\": [\"Due Date\"]",
        string entry = "\"text\": [\"Task Name\"]",
        string more = "") =>
        $$"""{ "shape": "entry-per-row", "columns": { {{columns}} }, "release": { {{release}} }, "entry": { {{entry}} }{{more}} }""";
}
