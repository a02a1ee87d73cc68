// Small browser helpers called from components.
window.casesPortal = {
    browserTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || null,
};
