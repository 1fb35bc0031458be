using System.CommandLine;
using System.CommandLine.Completions;
using System.Text;

namespace BfReleaseNotes.Cli.Terminal;

/// <summary>
/// Shell completion scripts written from the command tree itself, so a new command or option is completed
/// without editing a script: subcommands, options, and the values of options with a fixed set (sections, types).
/// Options whose value is a path fall back to the shell's file completion.
/// </summary>
internal static class CompletionScripts
{
    /// <summary>The shells a script is written for.</summary>
    public static readonly string[] Shells = ["bash", "zsh", "fish", "pwsh"];

    private const string Program = "bf-release-notes";

    /// <summary>The script for <paramref name="shell"/> (one of <see cref="Shells"/>).</summary>
    public static string For(string shell, RootCommand root) => shell switch
    {
        "bash" => Bash(Describe(root)),
        "zsh" => "#compdef bf-release-notes\n# zsh runs the bash completion through bashcompinit.\nautoload -U +X bashcompinit && bashcompinit\n" + Bash(Describe(root)),
        "fish" => Fish(Describe(root)),
        "pwsh" => PowerShell(Describe(root)),
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "unknown shell"),
    };

    private static List<Node> Describe(RootCommand root)
    {
        var nodes = new List<Node>();
        var recursive = root.Options.Where(option => option.Recursive).ToList();
        void Visit(Command command, string path)
        {
            var options = command.Options.Concat(path.Length == 0 ? [] : recursive).Where(option => !option.Hidden)
                .Select(option => new OptionNode(
                    option.Name,
                    option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool),
                    [.. option.GetCompletions(CompletionContext.Empty).Select(item => item.Label)]))
                .ToList();
            if (!options.Any(option => option.Name == "--help"))
            {
                options.Add(new OptionNode("--help", false, []));
            }

            var children = command.Subcommands.Where(sub => !sub.Hidden).ToList();
            nodes.Add(new Node(path, [.. children.Select(child => child.Name)], options));
            foreach (var child in children)
            {
                Visit(child, path.Length == 0 ? child.Name : path + " " + child.Name);
            }
        }

        Visit(root, string.Empty);
        return nodes;
    }

    private static string Bash(List<Node> nodes)
    {
        var script = new StringBuilder();
        script.Append("# bash completion for bf-release-notes: source it, or save it as /etc/bash_completion.d/bf-release-notes\n");
        script.Append("_bf_release_notes()\n{\n");
        script.Append("    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" path=\"\" word i\n");
        script.Append("    for ((i = 1; i < COMP_CWORD; i++)); do\n        word=\"${COMP_WORDS[i]}\"\n        case \"$path|$word\" in\n");
        foreach (var node in nodes.Where(node => node.Path.Length > 0))
        {
            var parent = node.Path.Contains(' ', StringComparison.Ordinal) ? node.Path[..node.Path.LastIndexOf(' ')] : string.Empty;
            script.Append($"            \"{parent}|{node.Path.Split(' ')[^1]}\") path=\"{node.Path}\" ;;\n");
        }

        script.Append("        esac\n    done\n    case \"$path|$prev\" in\n");
        foreach (var node in nodes)
        {
            foreach (var option in node.Options.Where(option => option.TakesValue))
            {
                script.Append(option.Choices.Length > 0
                    ? $"        \"{node.Path}|{option.Name}\") COMPREPLY=($(compgen -W \"{string.Join(' ', option.Choices)}\" -- \"$cur\")); return ;;\n"
                    : $"        \"{node.Path}|{option.Name}\") COMPREPLY=(); return ;;\n");
            }
        }

        script.Append("    esac\n    case \"$path\" in\n");
        foreach (var node in nodes)
        {
            script.Append($"        \"{node.Path}\") COMPREPLY=($(compgen -W \"{string.Join(' ', node.Subcommands.Concat(node.Options.Select(option => option.Name)))}\" -- \"$cur\")) ;;\n");
        }

        script.Append("    esac\n}\ncomplete -o default -F _bf_release_notes " + Program + "\n");
        return script.ToString();
    }

    private static string Fish(List<Node> nodes)
    {
        var script = new StringBuilder();
        script.Append("# fish completion for bf-release-notes: save as ~/.config/fish/completions/bf-release-notes.fish\n");
        script.Append($"complete -c {Program} -f\n");
        foreach (var node in nodes)
        {
            var words = node.Path.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var condition = words.Length == 0
                ? "__fish_use_subcommand"
                : $"__fish_seen_subcommand_from {words[^1]}" + (node.Subcommands.Length > 0 ? $"; and not __fish_seen_subcommand_from {string.Join(' ', node.Subcommands)}" : string.Empty);
            foreach (var child in node.Subcommands)
            {
                script.Append($"complete -c {Program} -n '{condition}' -a {child}\n");
            }

            foreach (var option in node.Options)
            {
                var name = option.Name.TrimStart('-');
                script.Append($"complete -c {Program} -n '{condition}' -l {name}");
                if (option.Choices.Length > 0)
                {
                    script.Append($" -x -a '{string.Join(' ', option.Choices)}'");
                }
                else if (option.TakesValue)
                {
                    script.Append(" -r -F");
                }

                script.Append('\n');
            }
        }

        return script.ToString();
    }

    private static string PowerShell(List<Node> nodes)
    {
        var script = new StringBuilder();
        script.Append("# PowerShell completion for bf-release-notes: add to $PROFILE, e.g. bf-release-notes completion pwsh | Out-String | Invoke-Expression\n");
        script.Append("Register-ArgumentCompleter -Native -CommandName '" + Program + "' -ScriptBlock {\n");
        script.Append("    param($wordToComplete, $commandAst, $cursorPosition)\n");
        script.Append("    $words = @{\n");
        foreach (var node in nodes)
        {
            script.Append($"        '{node.Path}' = @({string.Join(", ", node.Subcommands.Concat(node.Options.Select(option => option.Name)).Select(word => $"'{word}'"))})\n");
        }

        script.Append("    }\n    $values = @{\n");
        foreach (var node in nodes)
        {
            foreach (var option in node.Options.Where(option => option.Choices.Length > 0))
            {
                script.Append($"        '{node.Path}|{option.Name}' = @({string.Join(", ", option.Choices.Select(choice => $"'{choice}'"))})\n");
            }
        }

        script.Append("    }\n");
        script.Append("    $elements = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })\n");
        script.Append("    if ($wordToComplete -ne '' -and $elements.Count -gt 0) { $elements = @($elements | Select-Object -SkipLast 1) }\n");
        script.Append("    $path = ''\n    foreach ($element in $elements) {\n");
        script.Append("        $next = if ($path -eq '') { $element } else { \"$path $element\" }\n");
        script.Append("        if ($words.ContainsKey($next)) { $path = $next }\n    }\n");
        script.Append("    $previous = if ($elements.Count -gt 0) { $elements[-1] } else { '' }\n");
        script.Append("    $candidates = if ($values.ContainsKey(\"$path|$previous\")) { $values[\"$path|$previous\"] } else { $words[$path] }\n");
        script.Append("    $candidates | Where-Object { $_ -like \"$wordToComplete*\" } | ForEach-Object {\n");
        script.Append("        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)\n    }\n}\n");
        return script.ToString();
    }

    private sealed record Node(string Path, string[] Subcommands, List<OptionNode> Options);

    private sealed record OptionNode(string Name, bool TakesValue, string[] Choices);
}
