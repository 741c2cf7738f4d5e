/**
 * Every action the access policy (policy.ts) decides, each with the rule it serves. Adding one here makes the
 * policy's exhaustive tables (tests/unit/access-policy-advisor-aidant.test.ts) ask for its advisor and aidant rows.
 */
export type Action =
  | 'profile.view'            // the patient's dashboard for a profile
  | 'profile.history.read'    // Historique d'activité (AUD-4, AUD-6)
  | 'profile.medical.read'    // any medical content (documents, profil médical...)
  | 'profile.medical.write'   // PRF-2, MEA-2: the patient side enters its own data (profil médical, measures)
  | 'profile.create'          // a CNAM agent creates a beneficiary (BO-4)
  | 'profile.admin.read'      // civil status and lifecycle state, never medical content (BO)
  | 'profile.code.reissue'    // BO-3: a new code provisoire
  | 'profile.oppose.record'   // BO-2: an opposition received by phone, letter or email
  | 'profile.oppose.withdraw' // OPP-9: the person asks for a space after all
  | 'profile.activate.assist' // FS-3: an advisor helps the person activate, the person typing their own credentials
  | 'profile.representatives.share'   // REP-3: a representative invites the second parent or a tutor
  | 'profile.representatives.admin'   // BO-5: staff grant (REP-4, REP-10) or revoke (REP-6) a representative
  | 'profile.aidants.admin'           // AID-6, BO: staff end an aidant link on the holder's phone request
  | 'profile.close'                   // CLO-1: the holder or a representative, on the web
  | 'profile.close.record'            // CLO-2, BO-2, BO-6: closure, death, suspension handled by an agent
  | 'profile.close.assist'            // FS-3, CLO-2, CLO-5: an advisor records the present person's closure or deletion request
  | 'backoffice.access'
  | 'backoffice.mailbox.read' // demo mailbox (no SMTP configured)
  | 'backoffice.jobs.retry'   // BO-9
  | 'population.import'       // BO-1: load the insured population
  | 'campaign.read'           // BO-1: campaigns, progress, statistics
  | 'campaign.manage'         // BO-1: create, schedule, start, pause, resume, cancel, retry, letters
  | 'document.add'            // DOC-2: "Ajouter un document de santé" (patient side)
  | 'document.read'           // preview or download one document (DOC-3, VIS-6..9, VIS-14)
  | 'document.organize'       // DOC-5: pin, file in a folder
  | 'document.edit'           // DOC-5: rename, re-categorise
  | 'document.delete'         // DOC-5..7, DOC-9
  | 'document.mask'           // VIS-2: mask or unmask for professionals
  | 'profile.export'          // CLO-12: "Télécharger mes données", holder or representative, on the web
  | 'privacy.manage'          // VIS-3 mask-all, EMG-1 toggles, PRO-7 blocks: holder or representative only
  | 'notifications.read'      // NOT-6, AID-4: a profile's in-app notifications (read, mark read, delete)
  | 'notifications.manage'    // NOT-1: an account's own notification switches (FS-3 advisors: assisted visit only)
  | 'account.contact.change'  // « Mes coordonnées »: an account's own email and mobile, confirmed by a code (FS-3 advisors: assisted visit only)
  | 'account.credentials.change' // ACT-7, ACT-8: an account's own identifiant and password (never an advisor, FS-4; an aidant only their own, AID-4)
  | 'care-history.read'       // HIS-1, HIS-4, HIS-5: Mon histoire de santé of a profile
  | 'care-history.import'     // HIS-1, HIS-3: load the fund's reimbursement feed (staff)
  | 'service.connect'         // CAT-3, CAT-5, CAT-9: connect, change or disconnect a service (holder, representative)
  | 'measure.push'            // MEA-8, CAT-8: a connected service pushes measures into a profile
  | 'matrix.read'             // PRO-9, PRO-10, BO-7: the matrice d'habilitation (staff, patients, professionals)
  | 'matrix.publish'          // BO-7: publish a new matrix version (supervisors only)
  | 'reference.read'          // BO-7: prevention calendars and « Pourquoi ce message ? » texts in the back-office (staff)
  | 'reference.publish'       // BO-7, PRV-1, PRV-7: publish a calendar edition or a new version of the texts (supervisors only)
  | 'api-client.manage'       // PRO-1, PRO-2: register, list and revoke professional software (FHIR API clients); staff only
  | 'patient.check'           // PRO-3: a professional's access check by INS (no medical data)
  | 'patient.authorise'       // PRO-4, PRO-5: a professional records consent or the care-team attestation
  | 'patient.open'            // a professional reads a patient's record (NORMAL or emergency mode)
  | 'emergency.start'         // EMG-2, EMG-3: bris de glace or regulation
  | 'emergency.report'        // EMG-7: the back-office's per-professional report of emergency accesses (staff)
  | 'professional.inactive.mark' // MSG-11: staff record that a professional no longer practises
  | 'document.deposit'        // PRO-8, DOC-12: a professional deposits a document
  | 'document.replace'        // DOC-11: the author replaces its document
  | 'document.hide-from-patient' // VIS-9: the author sets invisible_patient
  | 'document.show-to-patient'   // VIS-9, VIS-11: the author or an authorised doctor or midwife lifts it
  | 'message.read'            // MSG-4, MSG-5, MSG-10: the patient side reads its inbox (aidants too, AID-4)
  | 'message.write'           // MSG-3..5, MSG-9: the patient side replies, writes, deletes (aidants labelled, AID-4)
  | 'message.send'            // MSG-2, MSG-12, PRO-6: a professional writes to a patient
  | 'message.pharmacy'        // MSG-3(b): a professional acting at a pharmacy's FINESS reads and answers its conversations
  | 'prevention.manage'       // PRV-6..9: staff run prevention campaigns; PRV-8: holder or representative opts a profile out
  | 'advisor.access'
  | 'advisor.read'            // FS-1: the back-office list and detail of France Services advisor accounts (staff)
  | 'advisor.manage'          // FS-1: create, deactivate or reactivate an advisor account (supervisors only)
  | 'advisor.reset'           // FS-1: void an advisor's password, unlock, send a new link (agents and supervisors)
  | 'pro.access';
