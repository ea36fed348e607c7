using System.Reflection;
using PrepBot.Conversation;
using PrepBot.Discord;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Architecture;

/// <summary>
/// The boundaries the layout promises, read from the compiled assemblies: features never touch the Discord client, the
/// client never touches the bot, <c>Data</c> imports no feature and no <c>Learning</c> type, <c>Conversation</c> imports no
/// feature; no two folders use each other; no SQL text, and no database access, outside a store.
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
    public void Only_stores_open_the_database() =>
        AssertNone(DatabaseAccessOutsideStores(Bot));

    [Fact]
    public void No_two_folders_use_each_other()
    {
        var pairs = Edges(Bot)
            .Select(e => (From: Folder(e.From), To: Folder(e.To)))
            .Where(e => e.From.Length > 0 && e.To.Length > 0 && e.From != e.To)
            .Distinct()
            .ToHashSet();
        var cycles = pairs.Where(p => string.CompareOrdinal(p.From, p.To) < 0 && pairs.Contains((p.To, p.From)))
            .Select(p => $"{p.From} <-> {p.To}")
            .ToList();
        Assert.True(cycles.Count == 0, "Folders that use each other (move the shared type to the lower one):\n" + string.Join('\n', cycles));
    }

    [Fact]
    public void The_database_check_sees_access_inside_an_async_method_and_spares_stores()
    {
        var offenders = DatabaseAccessOutsideStores(typeof(TypeDependencies).Assembly).Select(e => Outermost(e.From)).Distinct().ToList();

        Assert.Contains(typeof(Synthetic.Features.Quiz.QuizScoreReader), offenders);
        Assert.DoesNotContain(typeof(Synthetic.Features.Quiz.QuizStore), offenders);
    }

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
            .Where(file => !IsStoreFile(file) && !SqlAllowedFolders.Any(folder => file.StartsWith(folder, StringComparison.Ordinal)))
            .Where(file => SqlText.In(File.ReadAllText(Path.Combine(RepositoryFolders.Root, file))).Count > 0)
            .Order(StringComparer.Ordinal);

    /// <summary>A store's file: <c>ReviewStore.cs</c>, or a part of a partial store such as <c>MockStore.Queue.cs</c>.</summary>
    private static bool IsStoreFile(string file)
    {
        var name = Path.GetFileName(file);
        var stem = name[..name.IndexOf('.', StringComparison.Ordinal)];
        return stem.EndsWith("Store", StringComparison.Ordinal) && name.EndsWith(".cs", StringComparison.Ordinal);
    }

    private static IEnumerable<(Type From, Type To)> Edges(Assembly assembly) => TypeDependencies.Of(assembly);

    /// <summary>
    /// Uses of the database (the EF context, its sets and factory, ADO.NET connections and commands) by a type that is not a
    /// <c>*Store</c> and not in <c>Data</c> (the model, migrations and the database's upkeep). SQL practice's sandbox runs
    /// learners' SQL on its own in-memory databases, so it may use connections, not the bot's context.
    /// </summary>
    private static IEnumerable<(Type From, Type To)> DatabaseAccessOutsideStores(Assembly assembly) =>
        Edges(assembly).Where(e =>
        {
            var context = e.To == typeof(PrepBot.Data.PrepBotDbContext) || e.To == typeof(Microsoft.EntityFrameworkCore.DbContext)
                || e.To == typeof(Microsoft.EntityFrameworkCore.DbSet<>) || e.To == typeof(Microsoft.EntityFrameworkCore.IDbContextFactory<>);
            var connection = typeof(System.Data.Common.DbConnection).IsAssignableFrom(e.To) || typeof(System.Data.Common.DbCommand).IsAssignableFrom(e.To);
            if (!context && !connection)
            {
                return false;
            }

            var area = Area(e.From);
            var owner = Outermost(e.From);
            return !owner.Name.EndsWith("Store", StringComparison.Ordinal)
                && area != "Data" && !area.StartsWith("Data.", StringComparison.Ordinal)
                && !(connection && !context && area == "Features.SqlPractice");
        });

    /// <summary>The type a compiler-made type (lambda closure, async state machine) was written in.</summary>
    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    /// <summary>The folder a dependency cycle is judged on: a top-level folder, or one feature (<c>Features.Mock</c>).</summary>
    private static string Folder(Type type)
    {
        if (type.Assembly != Bot || type.Namespace is null || !type.Namespace.StartsWith("PrepBot.", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var parts = Area(type).Split('.');
        return parts[0] == "Features" && parts.Length > 1 ? parts[0] + "." + parts[1] : parts[0];
    }

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
