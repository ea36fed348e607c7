namespace PrepBot.FakeDiscord;

/// <summary>Serves the fake Discord on loopback for manual runs.</summary>
public static class Program
{
    public static int Main() => 0;
}
