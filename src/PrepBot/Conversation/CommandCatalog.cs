namespace PrepBot.Conversation;

/// <summary>
/// Every command learners can run, as the features registered them (<see cref="ConversationServiceCollectionExtensions"/>):
/// the router checks input against it, <c>/help</c> lists it and the Discord transport registers it as slash commands.
/// </summary>
public sealed class CommandCatalog
{
    public CommandCatalog(IEnumerable<CommandEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var added = list.Where(e => e.Parent is not null).ToLookup(e => e.Parent!, e => e.Descriptor, StringComparer.Ordinal);
        var roots = list.Where(e => e.Parent is null).Select(e => e.Descriptor).ToList();
        var missing = added.Select(g => g.Key).Where(parent => roots.All(r => r.Name != parent)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Sub-commands registered for missing command group(s): {string.Join(", ", missing.Select(m => "/" + m))}.");
        }

        All = [.. roots.Select(root => added[root.Name].Any() ? root with { Subcommands = [.. root.Subcommands, .. added[root.Name]] } : root)];
        var duplicate = All.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"/{duplicate.Key} is registered twice.");
        }
    }

    public IReadOnlyList<CommandDescriptor> All { get; }

    /// <summary>Every path a handler must answer: commands without sub-commands, and <c>"parent sub"</c> for each sub-command.</summary>
    public IEnumerable<string> Paths => All.SelectMany(c => c.Subcommands.Count == 0 ? [c.Name] : c.Subcommands.Select(s => c.Name + " " + s.Name));
}
