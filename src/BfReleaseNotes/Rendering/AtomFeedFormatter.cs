using System.Globalization;
using System.Text;
using System.Xml;

namespace BfReleaseNotes.Rendering;

/// <summary>
/// The release history as an Atom 1.0 feed (RFC 4287): one entry per release, newest first, with the release's
/// HTML as content and a link to its place on the page. Every id and date comes from the options and the releases,
/// never from a clock or a random number, so the same history gives the same bytes.
/// </summary>
/// <example>
/// <code>
/// var feed = AtomFeedFormatter.Format(history, new FeedOptions(new Uri("https://example.com/whats-new.html"), "What's new"));
/// </code>
/// </example>
public static class AtomFeedFormatter
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    /// <summary>The feed as UTF-8 XML text (no byte-order mark).</summary>
    /// <exception cref="ArgumentException">The options are not valid (see <see cref="FeedOptions.Validate"/>).</exception>
    public static string Format(ReleaseHistory history, FeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            var feedId = options.Id ?? options.PageUrl;
            xml.WriteElementString("id", AtomNamespace, feedId.AbsoluteUri);
            WriteText(xml, "title", options.Title);
            // A feed's 'updated' is its newest release's date, so re-rendering an unchanged history changes nothing.
            var newest = history.Releases.Length > 0 ? history.Releases.Max(release => release.Date) : DateOnly.MinValue;
            xml.WriteElementString("updated", AtomNamespace, Timestamp(newest));
            WriteLink(xml, "alternate", options.PageUrl.AbsoluteUri, "text/html");
            if (options.FeedUrl is not null)
            {
                WriteLink(xml, "self", options.FeedUrl.AbsoluteUri, "application/atom+xml");
            }

            xml.WriteStartElement("author", AtomNamespace);
            WriteText(xml, "name", options.Author ?? options.Title);
            xml.WriteEndElement();
            xml.WriteStartElement("generator", AtomNamespace);
            xml.WriteString("bf-release-notes");
            xml.WriteEndElement();

            foreach (var release in history.Releases)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, new UriBuilder(feedId) { Fragment = release.Id }.Uri.AbsoluteUri);
                WriteText(xml, "title", release.Version.ToString());
                xml.WriteElementString("updated", AtomNamespace, Timestamp(release.Date));
                WriteLink(xml, "alternate", new UriBuilder(options.PageUrl) { Fragment = release.Id }.Uri.AbsoluteUri, "text/html");
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(XmlSafe(HtmlFragmentFormatter.Format(release)));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteText(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name, AtomNamespace);
        xml.WriteString(XmlSafe(text));
        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string relation, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", relation);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    /// <summary>XML 1.0 cannot hold most control characters; a note that has one must not make the feed unwritable.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar) && !text.Any(char.IsSurrogate))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return builder.ToString();
    }
}
