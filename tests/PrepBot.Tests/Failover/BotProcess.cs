using System.Diagnostics;
using PrepBot.FakeDiscord;

namespace PrepBot.Tests.Failover;

/// <summary>
/// The built bot (<c>PrepBot.dll</c>, copied next to the tests by the project reference) run as a process of its own, as a
/// deployment runs it: settings by environment variables, pointed at the loopback fake Discord and a PostgreSQL database.
/// Its output is kept for the failure message. <see cref="KillAsync"/> is SIGKILL: no shutdown, no goodbye to the database.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly Lock _lock = new();

    private BotProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The process's standard output and error so far, last lines first cut to <paramref name="lines"/>.</summary>
    public string Tail(int lines = 40)
    {
        lock (_lock)
        {
            return $"--- {Name} (pid {_process.Id}{(_process.HasExited ? ", exited" : string.Empty)}) ---\n" + string.Join('\n', _output.TakeLast(lines));
        }
    }

    public static BotProcess Start(string name, FakeDiscordServer discord, string connectionString, string contentDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "PrepBot.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        info.ArgumentList.Add(dll);

        // Nothing of the test host's own PrepBot settings leaks in.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("PrepBot__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["PrepBot__Discord__Token"] = discord.Token;
        info.Environment["PrepBot__Discord__ApiBaseUrl"] = discord.ApiBaseUrl.ToString();
        info.Environment["PrepBot__Discord__GatewayUrl"] = discord.GatewayUrl.ToString();
        info.Environment["PrepBot__Data__Provider"] = "Postgres";
        info.Environment["PrepBot__ConnectionStrings__PrepBot"] = connectionString;
        info.Environment["PrepBot__Content__Directory"] = contentDirectory;
        info.Environment["PrepBot__Content__WatchForChanges"] = "false";
        info.Environment["PrepBot__Health__Urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings)
        {
            info.Environment["PrepBot__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the bot.");
        var bot = new BotProcess(name, process);
        process.OutputDataReceived += (_, e) => bot.Add(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>SIGKILL, as a crashed machine or the OOM killer would end it; returns once it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _output.Add(line);
        }
    }
}
