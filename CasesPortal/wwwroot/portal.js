// Small browser helpers called from components.
window.casesPortal = {
    browserTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || null,
    // The clipboard API needs a secure context and the user's permission; the caller falls back to showing the text.
    copyText: async (text) => {
        try {
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            return false;
        }
    },
};
