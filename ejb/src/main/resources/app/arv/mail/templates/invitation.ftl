<#assign subject = "You are invited to ${organization} on ARV">
Hello,

<#if inviter?has_content>${inviter} invites you<#else>You are invited</#if> to join ${organization} on ARV as <#if role == "ADMIN">an administrator<#else>a member</#if>.
To accept, choose your password with this link within ${hours} hours:

${link}

The link works once and signs you in as ${recipient}. If you did not expect this invitation, ignore this mail.

— ARV
