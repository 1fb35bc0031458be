using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BfReleaseNotes.Cli.Tests.Browser;

/// <summary>
/// Debian's headless Chromium, run as a real process with a fresh profile per run (no sandbox: CI runs as root).
/// <c>.ci/run</c> installs it when missing; a machine without it fails these tests with that instruction.
/// </summary>
internal static partial class Chromium
{
    // Only catches a hang: a page load takes about a second.
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(3);

    public static string Executable
    {
        get
        {
            var candidates = new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" };
            return candidates.FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path))
                ?? throw new InvalidOperationException("Chromium is not installed; run 'apt-get install -y chromium' (as .ci/run does) or set CHROMIUM to its path");
        }
    }

    /// <summary>The DOM after the page loaded and its timers ran (virtual time), serialised by the browser.</summary>
    public static string DumpDom(string htmlFile) => Run(["--virtual-time-budget=15000", "--dump-dom", new Uri(htmlFile).AbsoluteUri]);

    /// <summary>Saves a PNG of the page's first screen.</summary>
    public static void Screenshot(string htmlFile, string pngFile, int width = 1000, int height = 1400)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pngFile)!);
        Run(["--hide-scrollbars", $"--window-size={width},{height}", $"--screenshot={pngFile}", new Uri(htmlFile).AbsoluteUri]);
        Assert.True(File.Exists(pngFile), $"Chromium wrote no screenshot to {pngFile}");
    }

    /// <summary>
    /// Opens <paramref name="pageHtml"/> with a test script added at the end of its body (and its CSP meta removed,
    /// as an app embedding the fragment may have none), and returns what the script wrote into <c>#bfrn-report</c>.
    /// </summary>
    public static string RunScript(string pageHtml, string script, string folder)
    {
        var withoutCsp = CspMeta().Replace(pageHtml, string.Empty);
        var harness = withoutCsp.Replace("</body>", $"<pre id=\"bfrn-report\"></pre>\n<script>\n{script}\n</script>\n</body>", StringComparison.Ordinal);
        var file = Path.Combine(folder, "harness-" + Guid.NewGuid().ToString("N") + ".html");
        File.WriteAllText(file, harness);
        var dom = DumpDom(file);
        var report = ReportElement().Match(dom);
        Assert.True(report.Success && report.Groups["json"].Value.Length > 0, $"the test script wrote no report; the DOM was:\n{dom[..Math.Min(dom.Length, 3000)]}");
        return System.Net.WebUtility.HtmlDecode(report.Groups["json"].Value);
    }

    private static string Run(string[] arguments)
    {
        var profile = Path.Combine(Path.GetTempPath(), "bfrn-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--no-default-browser-check", $"--user-data-dir={profile}",
                // Chromium ignores same-page navigations past 200 in 10 seconds; the 300-release test clicks every TOC link.
                "--disable-ipc-flooding-protection",
            }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(HangLimit))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within {HangLimit.TotalMinutes} minutes: {string.Join(' ', arguments)}");
            }

            Assert.True(process.ExitCode == 0, $"Chromium exited {process.ExitCode}: {error.Result}");
            return output.Result;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helpers may still hold a file for a moment; the temp folder is cleaned by the system.
            }
        }
    }

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\"[^>]*>")]
    private static partial Regex CspMeta();

    [GeneratedRegex("<pre id=\"bfrn-report\">(?<json>.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ReportElement();
}
