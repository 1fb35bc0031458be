using BfReleaseNotes.Editing;

namespace BfReleaseNotes.Tests.Rules;

/// <summary>
/// What a link reference definition given to <c>add</c> may be (<c>--link LABEL=URL</c>, or a definition line in the
/// entry text): a label of 1 to 999 characters without brackets or line breaks, a URL of one word without angle
/// brackets whose scheme, if it has one, is http, https or mailto; and how the definition lines are taken out of the
/// entry text. Every refusal word for word.
/// </summary>
public sealed class LinkDefinitionRuleTests
{
    private const string UsageHint = "write e.g. --link \"#123=https://gitlab.example.com/app/-/merge_requests/123\"";

    [Theory]
    [InlineData("no-equals-sign")]
    [InlineData("=https://example.com/1")]
    public void Text_without_a_label_before_an_equals_sign_is_not_label_equals_url(string text)
    {
        Assert.False(LinkDefinition.TryParse(text, out var definition, out var error));

        Assert.Null(definition);
        Assert.Equal($"'{text}' is not LABEL=URL; {UsageHint}", error);
    }

    [Fact]
    public void Label_and_url_are_trimmed_and_split_at_the_first_equals_sign()
    {
        Assert.True(LinkDefinition.TryParse(" #12 = https://example.com/?a=b ", out var definition, out var error));

        Assert.Null(error);
        Assert.Equal(new LinkDefinition("#12", "https://example.com/?a=b"), definition);
        Assert.Equal("[#12]: https://example.com/?a=b", definition.ToString());
        Assert.Equal("#12", definition.NormalizedLabel);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a]")]
    [InlineData("[a")]
    [InlineData("two\nlines")]
    [InlineData("bell\u0007")]
    public void A_label_that_is_empty_or_holds_a_bracket_or_a_control_character_is_refused(string label)
    {
        Assert.False(LinkDefinition.TryCreate(label, "https://example.com", out var definition, out var error));

        Assert.Null(definition);
        Assert.Equal($"the link label '{label}' must be 1 to 999 characters without '[', ']' or line breaks", error);
    }

    [Fact]
    public void A_label_may_hold_999_characters_but_not_1000()
    {
        var longest = new string('x', 999);
        var tooLong = new string('x', 1000);

        Assert.True(LinkDefinition.TryCreate(longest, "https://example.com", out _, out _));
        Assert.False(LinkDefinition.TryCreate(tooLong, "https://example.com", out _, out var error));
        Assert.StartsWith("the link label 'xxx", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://example.com/a b")]
    [InlineData("https://example.com/a\tb")]
    [InlineData("https://example.com/\u0007")]
    [InlineData("<https://example.com>")]
    [InlineData("https://example.com/<b>")]
    public void A_url_that_is_empty_or_not_one_word_or_holds_angle_brackets_is_refused(string url)
    {
        Assert.False(LinkDefinition.TryCreate("#1", url, out var definition, out var error));

        Assert.Null(definition);
        Assert.Equal($"the URL of [#1] must be one word without spaces or '<' '>' (got '{url}')", error);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("JavaScript:alert(1)", "javascript")]
    [InlineData("data:text/html,hi", "data")]
    [InlineData("a:b/c", "a")]
    public void A_scheme_other_than_http_https_or_mailto_is_refused_by_its_lowercase_name(string url, string scheme)
    {
        Assert.False(LinkDefinition.TryCreate("x", url, out _, out var error));

        Assert.Equal($"the URL of [x] uses the scheme '{scheme}:'; only http, https, mailto and relative URLs are allowed in release notes", error);
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("https://example.com")]
    [InlineData("HTTPS://EXAMPLE.COM")]
    [InlineData("mailto:team@example.com")]
    [InlineData("docs/a:b.md")]
    [InlineData("/docs:b.md")]
    [InlineData("?view=a:b")]
    [InlineData("#part:two")]
    [InlineData(":colon-first")]
    public void Http_https_mailto_and_relative_urls_are_accepted_a_colon_after_a_slash_or_first_being_no_scheme(string url)
    {
        Assert.True(LinkDefinition.TryCreate("x", url, out var definition, out var error), error);

        Assert.Equal(url, definition.Url);
    }

    [Fact]
    public void Every_argument_is_required_by_name()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => LinkDefinition.TryParse(null!, out _, out _)).ParamName);
        Assert.Equal("label", Assert.Throws<ArgumentNullException>(() => LinkDefinition.TryCreate(null!, "u", out _, out _)).ParamName);
        Assert.Equal("url", Assert.Throws<ArgumentNullException>(() => LinkDefinition.TryCreate("l", null!, out _, out _)).ParamName);
    }

    [Fact]
    public void Definition_lines_are_taken_out_of_the_text_and_the_last_line_keeps_no_added_line_break()
    {
        var (text, definitions) = LinkDefinitionSplitter.Split("Export fixed ([#12]).\n\n[#12]: https://example.com/12\nMore words.");

        Assert.Equal("Export fixed ([#12]).\n\nMore words.", text);
        Assert.Equal([(new LinkDefinition("#12", "https://example.com/12"), "[#12]: https://example.com/12", (string?)null)], definitions.ToArray());
    }

    [Fact]
    public void A_definition_over_two_lines_or_with_a_title_is_refused_and_its_lines_leave_the_text()
    {
        var (text, definitions) = LinkDefinitionSplitter.Split("Export fixed.\n\n[a]:\n  https://example.com/a\n[b]: https://example.com/b \"Title\"\nAfter.");

        Assert.Equal("Export fixed.\n\nAfter.", text);
        Assert.Equal(
            [
                ((LinkDefinition?)null, "[a]:", "the link definition '[a]:' must be one line '[label]: url' without a title"),
                (null, "[b]: https://example.com/b \"Title\"", "the link definition '[b]: https://example.com/b \"Title\"' must be one line '[label]: url' without a title"),
            ],
            definitions.ToArray());
    }

    [Fact]
    public void An_empty_title_is_no_title_and_the_definition_is_kept_without_it()
    {
        var (text, definitions) = LinkDefinitionSplitter.Split("Export fixed ([a]).\n\n[a]: https://example.com/a \"\"\n");

        Assert.Equal("Export fixed ([a]).\n\n", text);
        Assert.Equal([(new LinkDefinition("a", "https://example.com/a"), "[a]: https://example.com/a \"\"", (string?)null)], definitions.ToArray());
    }

    [Fact]
    public void A_definition_line_whose_url_is_refused_carries_the_url_s_reason()
    {
        var (text, definitions) = LinkDefinitionSplitter.Split("Export fixed.\n\n[x]: javascript:alert(1)\n");

        Assert.Equal("Export fixed.\n\n", text);
        Assert.Equal(
            [((LinkDefinition?)null, "[x]: javascript:alert(1)", "the URL of [x] uses the scheme 'javascript:'; only http, https, mailto and relative URLs are allowed in release notes")],
            definitions.ToArray());
    }

    [Fact]
    public void An_edit_succeeded_only_with_both_its_document_and_its_text()
    {
        var document = ValidNotes.Unreleased("# Unreleased\n", "unreleased.md");

        Assert.True(new EditResult(document, "# Unreleased\n", []).Succeeded);
        Assert.False(new EditResult(document, null, []).Succeeded);
        Assert.False(new EditResult(null, "# Unreleased\n", []).Succeeded);
        Assert.False(EditResult.Refused().Succeeded);
    }
}
