// SPDX-License-Identifier: Apache-2.0
// Tessera's /.well-known/ory/webauthn.js: the browser half of the passkey and webauthn methods, with the global
// functions Ory's UIs call (window.oryPasskeyLogin, window.oryWebAuthnRegistration, ... and the older __ory names).
// Each reads the ceremony options the flow put in a hidden field (or gets them as an argument), runs
// navigator.credentials, writes the result as JSON into the method's hidden field and submits the form.
(function () {
  "use strict"
  if (typeof window === "undefined" || window.__oryWebAuthnInitialized) {
    return
  }

  function fromBase64Url(text) {
    var base64 = String(text).replace(/-/g, "+").replace(/_/g, "/")
    var binary = atob(base64 + "===".slice((base64.length + 3) % 4))
    var bytes = new Uint8Array(binary.length)
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i)
    }
    return bytes
  }

  function toBase64Url(buffer) {
    if (!buffer) {
      return undefined
    }
    var bytes = new Uint8Array(buffer)
    var binary = ""
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i])
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
  }

  function field(name) {
    return document.getElementsByName(name)[0]
  }

  function decodeDescriptors(list) {
    return (list || []).map(function (descriptor) {
      return Object.assign({}, descriptor, { id: fromBase64Url(descriptor.id) })
    })
  }

  function creationOptions(options) {
    var publicKey = Object.assign({}, options.publicKey)
    publicKey.challenge = fromBase64Url(publicKey.challenge)
    publicKey.user = Object.assign({}, publicKey.user, { id: fromBase64Url(publicKey.user.id) })
    publicKey.excludeCredentials = decodeDescriptors(publicKey.excludeCredentials)
    return { publicKey: publicKey }
  }

  function requestOptions(options) {
    var publicKey = Object.assign({}, options.publicKey)
    publicKey.challenge = fromBase64Url(publicKey.challenge)
    publicKey.allowCredentials = decodeDescriptors(publicKey.allowCredentials)
    return publicKey
  }

  function created(credential) {
    return JSON.stringify({
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      response: {
        attestationObject: toBase64Url(credential.response.attestationObject),
        clientDataJSON: toBase64Url(credential.response.clientDataJSON),
      },
    })
  }

  function asserted(credential) {
    return JSON.stringify({
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      response: {
        authenticatorData: toBase64Url(credential.response.authenticatorData),
        clientDataJSON: toBase64Url(credential.response.clientDataJSON),
        signature: toBase64Url(credential.response.signature),
        userHandle: toBase64Url(credential.response.userHandle),
      },
    })
  }

  // Submits the form of `element`, through `submitter` when given so that its name=value is sent (method=passkey).
  function submit(element, submitter) {
    var form = element.closest("form")
    if (submitter && form.requestSubmit) {
      form.requestSubmit(submitter)
    } else {
      form.submit()
    }
  }

  function abortConditional() {
    if (window.abortPasskeyConditionalUI) {
      window.abortPasskeyConditionalUI.abort("a passkey ceremony started")
      window.abortPasskeyConditionalUI = undefined
    }
  }

  function passkeyLogin() {
    var data = field("passkey_challenge")
    var result = field("passkey_login")
    if (!data || !result || !window.PublicKeyCredential) {
      return
    }
    abortConditional()
    navigator.credentials
      .get({ publicKey: requestOptions(JSON.parse(data.value)) })
      .then(function (credential) {
        result.value = asserted(credential)
        submit(result)
      })
      .catch(function (err) {
        console.error("[webauthn.js] passkey sign-in failed", err)
      })
  }

  async function passkeyLoginAutocompleteInit() {
    var data = field("passkey_challenge")
    var result = field("passkey_login")
    if (!data || !result || !window.PublicKeyCredential || !PublicKeyCredential.isConditionalMediationAvailable) {
      return
    }
    if (!(await PublicKeyCredential.isConditionalMediationAvailable())) {
      return
    }
    abortConditional()
    window.abortPasskeyConditionalUI = new AbortController()
    navigator.credentials
      .get({ publicKey: requestOptions(JSON.parse(data.value)), mediation: "conditional", signal: window.abortPasskeyConditionalUI.signal })
      .then(function (credential) {
        result.value = asserted(credential)
        submit(result)
      })
      .catch(function () {
        // Aborted by a button-started ceremony, or dismissed: nothing to do.
      })
  }

  function passkeyRegistration() {
    var data = field("passkey_create_data")
    var result = field("passkey_register")
    if (!data || !result || !window.PublicKeyCredential) {
      return
    }
    var createData = JSON.parse(data.value)
    var options = creationOptions(createData.credentialOptions || createData)
    if (createData.displayNameFieldName) {
      var nameField = data.closest("form").querySelector("[name='" + createData.displayNameFieldName + "']")
      if (nameField && nameField.value) {
        options.publicKey.user.name = nameField.value
        options.publicKey.user.displayName = nameField.value
      }
    }
    navigator.credentials
      .create(options)
      .then(function (credential) {
        result.value = created(credential)
        submit(result, document.querySelector('[name="method"][value="passkey"]'))
      })
      .catch(function (err) {
        console.error("[webauthn.js] passkey registration failed", err)
      })
  }

  function passkeySettingsRegistration() {
    var data = field("passkey_create_data")
    var result = field("passkey_settings_register")
    if (!data || !result || !window.PublicKeyCredential) {
      return
    }
    var createData = JSON.parse(data.value)
    navigator.credentials
      .create(creationOptions(createData.credentialOptions || createData))
      .then(function (credential) {
        result.value = created(credential)
        submit(result)
      })
      .catch(function (err) {
        console.error("[webauthn.js] passkey registration failed", err)
      })
  }

  function optionsFrom(options, trigger) {
    if (options) {
      return typeof options === "string" ? JSON.parse(options) : options
    }
    return JSON.parse(trigger.value)
  }

  function webAuthnLogin(options, resultSelector, triggerSelector) {
    var trigger = document.querySelector(triggerSelector || '[name="webauthn_login_trigger"]')
    var result = document.querySelector(resultSelector || '[name="webauthn_login"]')
    navigator.credentials
      .get({ publicKey: requestOptions(optionsFrom(options, trigger)) })
      .then(function (credential) {
        result.value = asserted(credential)
        submit(result)
      })
      .catch(function (err) {
        console.error("[webauthn.js] security key sign-in failed", err)
      })
  }

  function webAuthnRegistration(options, resultSelector, triggerSelector) {
    var trigger = document.querySelector(triggerSelector || '[name="webauthn_register_trigger"]')
    var result = document.querySelector(resultSelector || '[name="webauthn_register"]')
    navigator.credentials
      .create(creationOptions(optionsFrom(options, trigger)))
      .then(function (credential) {
        result.value = created(credential)
        submit(result)
      })
      .catch(function (err) {
        console.error("[webauthn.js] security key registration failed", err)
      })
  }

  var triggers = {
    oryWebAuthnLogin: webAuthnLogin,
    oryWebAuthnRegistration: webAuthnRegistration,
    oryPasskeyLogin: passkeyLogin,
    oryPasskeyLoginAutocompleteInit: passkeyLoginAutocompleteInit,
    oryPasskeyRegistration: passkeyRegistration,
    oryPasskeySettingsRegistration: passkeySettingsRegistration,
  }
  Object.keys(triggers).forEach(function (name) {
    window[name] = triggers[name]
    window["__" + name] = triggers[name]
  })
  window.__oryWebAuthnInitialized = true

  // Pages that allow no inline script (Tessera's built-in UI) name the trigger in data attributes instead of
  // onclick/onload: data-ory-onclick on buttons, data-ory-onload on fields whose ceremony starts with the page.
  function wire() {
    document.querySelectorAll("[data-ory-onclick]").forEach(function (element) {
      element.addEventListener("click", function (event) {
        event.preventDefault()
        var trigger = triggers[element.getAttribute("data-ory-onclick")]
        if (trigger) {
          trigger()
        }
      })
    })
    document.querySelectorAll("[data-ory-onload]").forEach(function (element) {
      var trigger = triggers[element.getAttribute("data-ory-onload")]
      if (trigger) {
        trigger()
      }
    })
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire)
  } else {
    wire()
  }
})()
