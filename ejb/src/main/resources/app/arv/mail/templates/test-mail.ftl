<#assign subject = "ARV test mail">
Hello,

this is a test mail from ARV, sent to ${recipient} at the request of an administrator of ${organization}.
If you are reading it, mail from ARV reaches this address.

Open ARV: ${consoleUrl}

— ARV
