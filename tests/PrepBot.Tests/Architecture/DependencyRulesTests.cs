using System.Reflection;
using PrepBot.Conversation;
using PrepBot.Discord;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Architecture;

/// <summary>
/// The boundaries the layout promises, read from the compiled assemblies: features never touch the Discord client, the
/// client never touches the bot, <c>Data</c> imports no feature and no <c>Learning</c> type, <c>Conversation</c> imports no
/// feature; and no SQL text outside a store.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly Assembly Bot = typeof(ConversationRouter).Assembly;
    private static readonly Assembly DiscordClient = typeof(DiscordOptions).Assembly;

    /// <summary>Where SQL belongs besides stores: migrations and the database's own upkeep, and SQL practice's sandbox (learners' SQL on its own databases).</summary>
    private static readonly string[] SqlAllowedFolders = ["src/PrepBot/Data/", "src/PrepBot/Features/SqlPractice/"];

    [Fact]
    public void Features_do_not_use_the_Discord_client() =>
        AssertNone(Edges(Bot).Where(e => Area(e.From).StartsWith("Features", StringComparison.Ordinal) && e.To.Assembly == DiscordClient));

    [Fact]
    public void The_Discord_client_does_not_use_the_bot()
    {
        Assert.DoesNotContain(DiscordClient.GetReferencedAssemblies(), name => name.Name == Bot.GetName().Name);
        AssertNone(Edges(DiscordClient).Where(e => e.To.Assembly == Bot));
    }

    [Fact]
    public void Data_uses_no_feature_and_no_Learning_type() =>
        AssertNone(Edges(Bot).Where(e => Area(e.From) == "Data" && (Area(e.To).StartsWith("Features", StringComparison.Ordinal) || Area(e.To) == "Learning")));

    [Fact]
    public void Conversation_uses_no_feature() =>
        AssertNone(Edges(Bot).Where(e => Area(e.From) == "Conversation" && Area(e.To).StartsWith("Features", StringComparison.Ordinal)));

    [Fact]
    public void No_SQL_text_outside_a_store()
    {
        var offenders = SqlFiles().ToList();
        Assert.True(offenders.Count == 0, "SQL outside a store (move it into the owning feature's *Store.cs): " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_checker_sees_a_type_used_only_inside_a_method_body()
    {
        var edges = Edges(typeof(TypeDependencies).Assembly).ToList();

        Assert.Contains(edges, e => e.From == typeof(Synthetic.Conversation.Router) && e.To == typeof(Synthetic.Features.Quiz.QuizHandler));
        Assert.DoesNotContain(edges, e => e.From == typeof(Synthetic.Features.Quiz.QuizHandler) && e.To == typeof(Synthetic.Conversation.Router));
    }

    [Fact]
    public void The_SQL_scan_finds_statements_in_raw_and_verbatim_literals_but_not_prose()
    {
        const string Source = """"
            var a = """
                SELECT Id
                FROM CardStates
                """;
            var b = @"DELETE FROM ""ReviewLogs"" WHERE Id = 1";
            // "SELECT * FROM commented"
            var c = "Select a card from the list.";
            var d = '"';
            var e = $"INSERT INTO StudyDays (Day) VALUES ({day})";
            """";

        var found = SqlText.In(Source);

        Assert.Equal(3, found.Count);
        Assert.Contains(found, s => s.Contains("FROM CardStates", StringComparison.Ordinal));
        Assert.Contains(found, s => s.StartsWith("DELETE FROM \"ReviewLogs\"", StringComparison.Ordinal));
        Assert.Contains(found, s => s.StartsWith("INSERT INTO StudyDays", StringComparison.Ordinal));
    }

    /// <summary>Source files of <c>src/</c> (repository-relative, <c>/</c>-separated) holding SQL, stores and allowed folders left out.</summary>
    private static IEnumerable<string> SqlFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryFolders.Root, path).Replace('\\', '/'))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Where(file => !file.EndsWith("Store.cs", StringComparison.Ordinal) && !SqlAllowedFolders.Any(folder => file.StartsWith(folder, StringComparison.Ordinal)))
            .Where(file => SqlText.In(File.ReadAllText(Path.Combine(RepositoryFolders.Root, file))).Count > 0)
            .Order(StringComparer.Ordinal);

    private static IEnumerable<(Type From, Type To)> Edges(Assembly assembly) => TypeDependencies.Of(assembly);

    /// <summary>The folder a type's namespace names: <c>Data</c>, <c>Conversation</c>, <c>Features.Mock</c>, … (the part after the assembly's or the synthetic root).</summary>
    private static string Area(Type type)
    {
        var ns = type.Namespace ?? string.Empty;
        foreach (var root in new[] { typeof(Synthetic.Marker).Namespace!, "PrepBot" })
        {
            if (ns.StartsWith(root + ".", StringComparison.Ordinal))
            {
                return ns[(root.Length + 1)..];
            }
        }

        return ns;
    }

    private static void AssertNone(IEnumerable<(Type From, Type To)> violations)
    {
        var list = violations.Select(v => $"{v.From.FullName} -> {v.To.FullName}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(list.Count == 0, "Forbidden dependencies:\n" + string.Join('\n', list));
    }
}
