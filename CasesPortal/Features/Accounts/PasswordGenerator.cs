using System.Security.Cryptography;

namespace CasesPortal.Features.Accounts;

/// <summary>Strong random passwords for new accounts and resets, shown once to whoever asked for them.</summary>
public static class PasswordGenerator
{
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!@#%+=";

    public static string Generate(int length = 20)
    {
        string[] sets = [Lower, Upper, Digits, Symbols];
        var all = string.Concat(sets);
        // One character of each kind so any password policy accepts it, the rest from the whole alphabet.
        var chars = sets.Select(Pick).Concat(Enumerable.Range(0, length - sets.Length).Select(_ => Pick(all))).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
