/**
 * Machine translation for the help desk (issue 15), as a port ({@link com.deskbridge.translation.Translator}) and the
 * rules around it ({@link com.deskbridge.translation.TranslationService}): the seller's switch, same-language
 * short-cut, pieces within Amazon Translate's 10,000-byte limit, and an honest "not translated" with its reason.
 * Pure Java; the Amazon Translate adapter lives in {@code functions/translation-aws}.
 */
package com.deskbridge.translation;
