<#assign subject = "Reset your ARV password">
Hello,

someone (hopefully you) asked to reset the password of the ARV account ${recipient}.
To choose a new password, open this link within ${minutes} minutes:

${link}

The link works once. If you did not ask for this, ignore this mail: your password stays as it is.

— ARV
