using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using BfReleaseNotes.Rendering;
using BfReleaseNotes.Workspace;

namespace BfReleaseNotes.Tests.Rendering;

/// <summary>The feed, read back by .NET's Atom 1.0 parser and checked against RFC 4287's rules.</summary>
public class AtomFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly FeedOptions Options = new(new Uri("https://help.example.com/whats-new.html"), "What's new in Acme")
    {
        FeedUrl = new Uri("https://help.example.com/feed.atom"),
    };

    private static ReleaseHistory Sample => ReleaseHistoryRenderer.Render(new ReleaseNotesFolder(Path.Combine(CaseFiles.Root, "Rendering", "sample")), RenderOptions.Default);

    [Fact]
    public void The_feed_parses_as_atom_with_one_entry_per_release_newest_first()
    {
        var xml = AtomFeedFormatter.Format(Sample, Options);

        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        var feed = formatter.Feed;
        Assert.Equal("https://help.example.com/whats-new.html", feed.Id);
        Assert.Equal("What's new in Acme", feed.Title.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), feed.LastUpdatedTime);
        Assert.Equal(["1.42.0", "1.41.1", "1.41.0", "1.0.0-rc.1+build.5"], feed.Items.Select(item => item.Title.Text));
        var first = feed.Items.First();
        Assert.Equal("https://help.example.com/whats-new.html#v1_42_0", first.Id);
        Assert.Equal(new Uri("https://help.example.com/whats-new.html#v1_42_0"), first.Links.Single(link => link.RelationshipType == "alternate").Uri);
        var content = Assert.IsType<TextSyndicationContent>(first.Content);
        Assert.Equal("html", content.Type);
        Assert.Contains("<section class=\"release\" id=\"v1_42_0\">", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_feed_keeps_the_rules_of_rfc_4287()
    {
        var document = XDocument.Parse(AtomFeedFormatter.Format(Sample, Options));

        var feed = document.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var element in new[] { feed }.Concat(feed.Elements(Atom + "entry")))
        {
            // Exactly one id, title and updated; ids are absolute IRIs; dates are RFC 3339.
            Assert.Single(element.Elements(Atom + "id"));
            Assert.Single(element.Elements(Atom + "title"));
            var updated = Assert.Single(element.Elements(Atom + "updated"));
            Assert.True(Uri.TryCreate(element.Element(Atom + "id")!.Value, UriKind.Absolute, out _));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", updated.Value);
            Assert.True(element.Elements(Atom + "link").Count(link => (string?)link.Attribute("rel") == "alternate") <= 1);
        }

        Assert.NotEmpty(feed.Elements(Atom + "author").Elements(Atom + "name"));
        Assert.Single(feed.Elements(Atom + "link"), link => (string?)link.Attribute("rel") == "self");
        Assert.Equal(feed.Elements(Atom + "entry").Count(), feed.Elements(Atom + "entry").Select(entry => entry.Element(Atom + "id")!.Value).Distinct().Count());
    }

    [Fact]
    public void The_same_history_gives_the_same_bytes_and_the_feed_id_is_the_one_given()
    {
        var withId = Options with { Id = new Uri("urn:uuid:1f6c6b5e-3b1a-4c59-9d7e-0c9a5f1b2d3e") };

        var first = AtomFeedFormatter.Format(Sample, withId);
        var second = AtomFeedFormatter.Format(Sample, withId);

        Assert.Equal(first, second);
        Assert.Equal("urn:uuid:1f6c6b5e-3b1a-4c59-9d7e-0c9a5f1b2d3e", XDocument.Parse(first).Root!.Element(Atom + "id")!.Value);
    }

    [Fact]
    public void A_note_with_a_control_character_still_gives_well_formed_xml()
    {
        var parsed = BfReleaseNotes.Markdown.ReleaseNotesParser.Parse("# 1.0.0 - 2026-11-25\n\n## Public\n\n### Added\n\n- Bell \u0007 and escape \u001b[2J\n", BfReleaseNotes.Model.DocumentKind.Published, "1.0.0.md");
        var history = ReleaseHistoryBuilder.Build([parsed], RenderOptions.Default);

        var xml = AtomFeedFormatter.Format(history, Options);

        Assert.Contains("Bell \uFFFD and escape \uFFFD[2J", XDocument.Parse(xml).Root!.Element(Atom + "entry")!.Element(Atom + "content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_page_url_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AtomFeedFormatter.Format(Sample, new FeedOptions(new Uri("whats-new.html", UriKind.Relative), "What's new")));
    }
}
