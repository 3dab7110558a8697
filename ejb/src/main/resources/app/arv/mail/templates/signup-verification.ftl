<#assign subject = "Confirm your address to open ${organization} on ARV">
Hello,

someone (hopefully you) signed up for ARV with the address ${recipient} to open the organization ${organization}.
To confirm the address and open it, follow this link within ${hours} hours:

${link}

The link works once. If you did not sign up, ignore this mail: nothing is opened.

— ARV
